"""The bootstrap runs on every Python EMR ships and hashes the same on every machine."""

import ast
import re
import sys

import pytest
from conftest import BOOTSTRAP


@pytest.fixture(scope="module")
def source_bytes():
    return BOOTSTRAP.read_bytes()


def test_parses_with_the_python_3_7_grammar(source_bytes):
    # Rejects walrus, match, positional-only parameters and other post-3.7 syntax.
    ast.parse(source_bytes, filename=str(BOOTSTRAP), feature_version=(3, 7))


def test_uses_no_newer_runtime_features(source_bytes):
    text = source_bytes.decode()
    # Subscripted builtins (list[str]) fail at runtime before 3.9; removeprefix is 3.9.
    assert not re.search(r"\b(list|dict|tuple|set|type)\[", text)
    assert "removeprefix" not in text and "removesuffix" not in text
    assert not re.search(r"\{[^}]*=\}", text), "f-string '=' needs 3.8"


def test_imports_only_the_standard_library_at_start_up(source_bytes):
    tree = ast.parse(source_bytes)
    top_level = set()
    for node in tree.body:
        if isinstance(node, ast.Import):
            top_level.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            top_level.add(node.module.split(".")[0])
    if hasattr(sys, "stdlib_module_names"):
        assert top_level <= set(sys.stdlib_module_names)
    assert "boto3" not in top_level and "botocore" not in top_level


def test_bytes_are_machine_independent(source_bytes):
    # The Java side stages this file under the SHA-256 of these exact bytes.
    assert b"\r" not in source_bytes, "CRLF line endings would change the hash"
    assert source_bytes.endswith(b"\n")
    source_bytes.decode("ascii")
    for machine_specific in (b"/work/", b"/root", b"/home/", b"/tmp/", b"C:\\"):
        assert machine_specific not in source_bytes
