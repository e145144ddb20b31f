"""A task the bundle's command runs on the Spark driver: statistics of a text's lines.

Usage: python3 -m workflows.line_stats INPUT OUTPUT

The pipeline's bootstrap runs this command in the extracted bundle, as a child of the Python
driver: getOrCreate() there joins the driver's Spark (the child inherits the connection to
its JVM), the way a Flyte task's pyflyte-execute does. OUTPUT receives one JSON line:
{"lines", "words", "longest_line"}.
"""

import argparse
import sys

from pyspark.sql import SparkSession
from pyspark.sql import functions as F


def parse_args(argv):
    parser = argparse.ArgumentParser(prog="workflows.line_stats")
    parser.add_argument("input", help="text file or directory (s3:// or local)")
    parser.add_argument("output", help="directory for the JSON line (replaced)")
    return parser.parse_args(argv)


def line_stats(lines):
    words = F.size(F.split(F.trim(F.col("value")), r"\s+"))
    return lines.select(
        F.count(F.lit(1)).alias("lines"),
        F.sum(F.when(F.trim(F.col("value")) == "", 0).otherwise(words)).alias("words"),
        F.max(F.length("value")).alias("longest_line"))


def main(argv):
    args = parse_args(argv)
    spark = SparkSession.builder.appName("line-stats").getOrCreate()
    try:
        line_stats(spark.read.text(args.input)).coalesce(1).write.mode("overwrite").json(args.output)
    finally:
        spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
