"""The 'orders' pipeline: price the orders, then report per region and the top products."""

from kedro.pipeline import Node, Pipeline

from .nodes import price_orders, region_totals, top_products


def create_pipeline(**kwargs) -> Pipeline:
    return Pipeline(
        [
            Node(price_orders, inputs="orders", outputs="priced_orders", name="price_orders"),
            Node(region_totals, inputs="priced_orders", outputs="region_totals", name="region_totals"),
            Node(
                top_products,
                inputs=["priced_orders", "params:top_products"],
                outputs="top_products",
                name="top_products",
            ),
        ]
    )
