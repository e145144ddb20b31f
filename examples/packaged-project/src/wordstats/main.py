"""Entry point: `main(argv)` reads text and writes per-length word statistics.

Usage: main(["INPUT", "OUTPUT"]) — INPUT is text Spark can read, OUTPUT a directory that
receives JSON lines, one per word length: {"length", "words", "distinct_words", "example"}.
"""

import argparse

from pyspark.sql import SparkSession

from wordstats.text import length_bucket, words


def parse_args(argv):
    parser = argparse.ArgumentParser(prog="wordstats")
    parser.add_argument("input", help="text file or directory (s3:// or local)")
    parser.add_argument("output", help="directory for the JSON lines result (replaced)")
    return parser.parse_args(argv)


def word_stats(spark, input_path):
    # words() and length_bucket() run inside the executors' Python workers, so this job
    # only succeeds when the package was distributed to them.
    lines = spark.sparkContext.textFile(input_path)
    rows = (lines.flatMap(words)
            .map(lambda word: (length_bucket(word), word)))
    frame = spark.createDataFrame(rows, "length string, word string")
    frame.createOrReplaceTempView("words")
    return spark.sql(
        "SELECT length, count(*) AS words, count(DISTINCT word) AS distinct_words, "
        "min(word) AS example FROM words GROUP BY length ORDER BY min(char_length(word))")


def main(argv):
    args = parse_args(argv)
    spark = SparkSession.builder.appName("wordstats").getOrCreate()
    try:
        word_stats(spark, args.input).write.mode("overwrite").json(args.output)
    finally:
        spark.stop()
    return 0
