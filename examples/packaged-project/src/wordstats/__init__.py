"""Word statistics computed with PySpark; run `wordstats.main.main(argv)`."""

__version__ = "0.1.0"
