"""Counts the words of a text input with PySpark: the pipeline's script-mode example.

Usage: wordcount.py INPUT OUTPUT [--format csv|json]

INPUT and OUTPUT are anything Spark can read and write: s3:// URIs on EMR Serverless, local
paths under a local spark-submit. OUTPUT is a directory of part files, replaced if it
exists, holding one row per word (word, count), most frequent first.
"""

import argparse
import sys

from pyspark.sql import SparkSession
from pyspark.sql import functions as F


def parse_args(argv):
    parser = argparse.ArgumentParser(prog="wordcount.py", description=__doc__.splitlines()[0])
    parser.add_argument("input", help="text file or directory of text files")
    parser.add_argument("output", help="directory to write the counts to")
    parser.add_argument("--format", choices=("csv", "json"), default="csv",
                        help="csv (with a header) or json (one object per line)")
    return parser.parse_args(argv)


def count_words(lines):
    """A DataFrame of (word, count) from a DataFrame of text lines in a column `value`."""
    words = F.explode(F.split(F.lower(F.col("value")), r"[^\p{L}\p{N}']+")).alias("word")
    return (lines.select(words)
            .where(F.col("word") != "")
            .groupBy("word").count()
            .orderBy(F.desc("count"), F.asc("word")))


def main(argv):
    args = parse_args(argv)
    spark = SparkSession.builder.appName("wordcount").getOrCreate()
    try:
        counts = count_words(spark.read.text(args.input))
        writer = counts.write.mode("overwrite")
        if args.format == "csv":
            writer.option("header", True).csv(args.output)
        else:
            writer.json(args.output)
    finally:
        spark.stop()


if __name__ == "__main__":
    main(sys.argv[1:])
