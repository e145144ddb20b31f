"""
This is a boilerplate pipeline 'orders'
generated using Kedro 1.7.0
"""
