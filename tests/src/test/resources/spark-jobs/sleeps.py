"""A job that sleeps inside a Python worker until it is cancelled."""
import time

from pyspark.sql import SparkSession

spark = SparkSession.builder.appName("sleeps").getOrCreate()
print("sleeping in a task", flush=True)
spark.sparkContext.parallelize([0], 1).foreach(lambda _: time.sleep(120))
