"""The 'orders' pipeline's nodes on a local Spark, and the pipeline's shape."""

import pytest
from order_totals.pipelines.orders import create_pipeline
from order_totals.pipelines.orders.nodes import price_orders, region_totals, top_products

COLUMNS = ["order_id", "region", "product", "quantity", "unit_price"]


def orders(spark, rows):
    return spark.createDataFrame(rows, COLUMNS)


def test_orders_are_priced_and_totalled_per_region(spark):
    priced = price_orders(orders(spark, [(1, "north", "lamp", 2, 24.5), (2, "north", "desk", 1, 240.0),
                                         (3, "south", "lamp", 1, 24.5)]))

    rows = [row.asDict() for row in region_totals(priced).collect()]

    assert rows == [{"region": "north", "orders": 2, "units": 3, "revenue": 289.0},
                    {"region": "south", "orders": 1, "units": 1, "revenue": 24.5}]


def test_top_products_are_the_best_sellers_first(spark):
    priced = price_orders(orders(spark, [(1, "north", "lamp", 4, 24.5), (2, "east", "desk", 1, 240.0),
                                         (3, "south", "chair", 1, 89.0)]))

    assert [row["product"] for row in top_products(priced, 2).collect()] == ["desk", "lamp"]


def test_orders_that_cannot_be_priced_stop_the_run_naming_them(spark):
    bad = orders(spark, [(1, "north", "lamp", 2, 24.5), (7, "east", "desk", 0, 240.0), (9, "west", "desk", 1, None)])

    with pytest.raises(ValueError, match=r"2 order\(s\) cannot be priced .*order_id 7, 9"):
        price_orders(bad)


def test_the_pipeline_reads_orders_and_writes_the_two_reports():
    pipeline = create_pipeline()

    assert pipeline.inputs() == {"orders", "params:top_products"}
    assert pipeline.outputs() == {"region_totals", "top_products"}
