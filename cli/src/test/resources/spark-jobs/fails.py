"""A PySpark job that fails the way a job's own bug does: a Python exception on the driver."""

from pyspark.sql import SparkSession

spark = SparkSession.builder.appName("fails").getOrCreate()
try:
    print(1 / 0)
finally:
    spark.stop()
