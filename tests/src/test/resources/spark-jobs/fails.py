"""A job that fails in the driver after Spark has started: the local runner must report why."""
from pyspark.sql import SparkSession

spark = SparkSession.builder.appName("fails").getOrCreate()
rows = spark.range(3).count()
print("counted", rows, "rows; now dividing by zero")
print(rows / 0)
