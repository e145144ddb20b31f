"""Counts words folded to ASCII (café -> cafe): the pipeline's venv-archive example.

Usage: ascii_words.py INPUT OUTPUT

The job imports unidecode, which only its venv archive holds: the job request's
pythonEnvironment.venvArchive makes the pipeline add spark.archives (unpacked as
./environment) and point PYSPARK_PYTHON of driver and executors at ./environment/bin/python.
OUTPUT receives CSV rows (word, count), most frequent first. The driver prints which
Python ran it and which ran the executors' workers.
"""

import argparse
import sys
from operator import add

from pyspark.sql import SparkSession
from unidecode import unidecode


def parse_args(argv):
    parser = argparse.ArgumentParser(prog="ascii_words.py", description=__doc__.splitlines()[0])
    parser.add_argument("input", help="text file or directory of text files")
    parser.add_argument("output", help="directory to write the counts to (replaced)")
    return parser.parse_args(argv)


def ascii_words(line):
    """The line's words, lower-cased and folded to ASCII; this runs on the executors."""
    folded = unidecode(line).lower()
    return [word for word in "".join(c if c.isalnum() else " " for c in folded).split() if word]


def worker_prefix(_):
    return sys.prefix


def main(argv):
    args = parse_args(argv)
    spark = SparkSession.builder.appName("ascii-words").getOrCreate()
    try:
        sc = spark.sparkContext
        print("driver python: " + sys.prefix, flush=True)
        workers = sorted(set(sc.parallelize(range(2), 2).map(worker_prefix).collect()))
        print("worker python: " + ", ".join(workers), flush=True)
        counts = sc.textFile(args.input).flatMap(ascii_words).map(lambda word: (word, 1)).reduceByKey(add)
        (spark.createDataFrame(counts, "word string, count long")
         .orderBy("count", "word", ascending=[False, True])
         .coalesce(1)
         .write.mode("overwrite").option("header", True).csv(args.output))
    finally:
        spark.stop()


if __name__ == "__main__":
    main(sys.argv[1:])
