"""
This is a boilerplate pipeline 'orders'
generated using Kedro 1.7.0
"""

from kedro.pipeline import Node, Pipeline  # noqa


def create_pipeline(**kwargs) -> Pipeline:
    return Pipeline([])
