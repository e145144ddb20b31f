"""Plain-Python text handling, kept free of Spark so it runs (and tests) anywhere.

Spark calls these functions on the executors, which is why the whole package has to reach
them: through spark.submit.pyFiles or the application's image.
"""

import re

WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")


def words(line):
    """The lower-cased words of a line; apostrophes inside a word are kept (don't, it's)."""
    return WORD.findall(line.lower())


def length_bucket(word):
    """Groups words by length, lumping the long tail together so the table stays short."""
    return str(len(word)) if len(word) < 10 else "10+"
