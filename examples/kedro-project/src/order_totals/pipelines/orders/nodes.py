"""Nodes of the 'orders' pipeline: PySpark DataFrame transformations, run on the Spark driver
that the job's spark-submit started (Kedro's SparkDatasetV2 loads and saves the DataFrames)."""

from pyspark.sql import DataFrame
from pyspark.sql import functions as F


def _unpriceable():
    # A function, not a constant: a Column needs the SparkContext, which exists only once Kedro runs.
    quantity, price = F.col("quantity"), F.col("unit_price")
    return quantity.isNull() | (quantity <= 0) | price.isNull() | (price < 0)


def price_orders(orders: DataFrame) -> DataFrame:
    """Adds each order's amount (quantity times unit price).

    Raises:
        ValueError: when an order has no positive quantity or no price, naming the first few;
            a report built on them would be silently wrong.
    """
    unpriceable = orders.filter(_unpriceable()).select("order_id").orderBy("order_id")
    examples = [str(row.order_id) for row in unpriceable.limit(5).collect()]
    if examples:
        raise ValueError(
            f"{unpriceable.count()} order(s) cannot be priced (quantity must be positive and "
            f"unit_price present): order_id {', '.join(examples)}"
        )
    return orders.withColumn("amount", F.round(F.col("quantity") * F.col("unit_price"), 2))


def region_totals(priced_orders: DataFrame) -> DataFrame:
    """Orders, units and revenue per region, one small file."""
    return (
        priced_orders.groupBy("region")
        .agg(
            F.count("*").alias("orders"),
            F.sum("quantity").alias("units"),
            F.round(F.sum("amount"), 2).alias("revenue"),
        )
        .orderBy("region")
        .coalesce(1)
    )


def top_products(priced_orders: DataFrame, top_n: int) -> DataFrame:
    """The top_n products by revenue, best first."""
    return (
        priced_orders.groupBy("product")
        .agg(F.sum("quantity").alias("units"), F.round(F.sum("amount"), 2).alias("revenue"))
        .orderBy(F.desc("revenue"), "product")
        .limit(top_n)
        .coalesce(1)
    )
