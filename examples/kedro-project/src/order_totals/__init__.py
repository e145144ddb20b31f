"""Order Totals
"""

__version__ = "0.1"
