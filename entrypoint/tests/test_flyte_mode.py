"""Flyte mode: extract a fast-registration bundle and run a command inside it."""

import json
import os
import sys

import pytest
from builders import build_bundle
from conftest import error_lines, run_bootstrap

# Stands in for pyflyte-execute: imports task code from the bundle and reads a bundled file
# by a relative path, so both PYTHONPATH and the working directory are exercised.
TASK_MODULE = (
    "import json, os, sys\n"
    "def run(out):\n"
    "    with open('config/settings.txt') as settings:\n"
    "        setting = settings.read().strip()\n"
    "    record = {'cwd': os.getcwd(), 'file': __file__, 'setting': setting,\n"
    "              'pythonpath': os.environ.get('PYTHONPATH', '')}\n"
    "    with open(out, 'w') as handle:\n"
    "        json.dump(record, handle)\n"
)


@pytest.fixture
def bundle(tmp_path):
    return build_bundle(tmp_path, {
        "workflows/__init__.py": "",
        "workflows/task.py": TASK_MODULE,
        "config/settings.txt": "from-the-bundle\n",
    })


def python_command(code, *args):
    return [sys.executable, "-c", code] + [str(a) for a in args]


def test_runs_the_command_inside_the_extracted_bundle(bundle, tmp_path, python):
    record_path = tmp_path / "record.json"
    command = python_command("import sys, workflows.task as t; t.run(sys.argv[1])", record_path)

    result = run_bootstrap(["flyte", "--bundle", bundle, "--"] + command, python=python)

    assert result.returncode == 0, result.stderr
    record = json.loads(record_path.read_text())
    assert record["setting"] == "from-the-bundle"
    assert record["file"] == os.path.join(record["cwd"], "workflows", "task.py")
    assert record["pythonpath"].split(os.pathsep)[0] == record["cwd"]


def test_working_directory_is_removed_afterwards(bundle, tmp_path):
    record_path = tmp_path / "record.json"
    command = python_command("import sys, workflows.task as t; t.run(sys.argv[1])", record_path)

    assert run_bootstrap(["flyte", "--bundle", bundle, "--"] + command).returncode == 0
    workdir = json.loads(record_path.read_text())["cwd"]
    assert not os.path.exists(workdir)


def test_propagates_the_command_exit_status(bundle):
    result = run_bootstrap(["flyte", "--bundle", bundle, "--"]
                           + python_command("import sys; sys.exit(3)"))

    assert result.returncode == 3
    assert error_lines(result.stderr, "CommandFailed")[0].endswith("exited with status 3")


def test_command_killed_by_a_signal_exits_like_a_shell_reports_it(bundle):
    result = run_bootstrap(["flyte", "--bundle", bundle, "--"]
                           + python_command("import os, signal; os.kill(os.getpid(), 15)"))

    assert result.returncode == 128 + 15


def test_command_that_cannot_start(bundle, python):
    result = run_bootstrap(["flyte", "--bundle", bundle, "--", "pyflyte-not-installed", "x"],
                           python=python)

    assert result.returncode == 70
    assert "pyflyte-not-installed" in error_lines(result.stderr, "CommandFailed")[0]


def test_missing_bundle_names_the_uri(tmp_path):
    missing = tmp_path / "gone.tar.gz"
    result = run_bootstrap(["flyte", "--bundle", missing, "--", "true"])

    assert result.returncode == 69
    first = result.stderr.splitlines()[0]
    assert first.startswith("emr-pipeline-bootstrap: BundleUnusable: ")
    assert str(missing) in first


@pytest.mark.parametrize("content", [b"this is not a tarball", b"\x1f\x8b\x08\x00truncated"])
def test_corrupt_bundle(tmp_path, content):
    corrupt = tmp_path / "corrupt.tar.gz"
    corrupt.write_bytes(content)

    result = run_bootstrap(["flyte", "--bundle", corrupt, "--", "true"])

    assert result.returncode == 69
    assert "not a readable tar archive" in error_lines(result.stderr, "BundleUnusable")[0]


def test_truncated_bundle(bundle, tmp_path):
    truncated = tmp_path / "truncated.tar.gz"
    truncated.write_bytes(bundle.read_bytes()[:-40])

    result = run_bootstrap(["flyte", "--bundle", truncated, "--", "true"])

    assert result.returncode == 69


@pytest.mark.parametrize("files, links", [
    ({"../escaped.py": "x"}, None),
    ({"ok/../../escaped.py": "x"}, None),
    ({"/tmp/escaped-absolute.py": "x"}, None),
    ({}, {"etc": "/etc"}),
    ({}, {"up": "../.."}),
])
def test_refuses_entries_that_leave_the_working_directory(tmp_path, files, links, python):
    unsafe = build_bundle(tmp_path, files, name="unsafe.tar.gz", links=links)

    result = run_bootstrap(["flyte", "--bundle", unsafe, "--", "true"], python=python)

    assert result.returncode == 69
    assert "unsafe entry" in error_lines(result.stderr, "BundleUnusable")[0]
    assert not (tmp_path / "escaped.py").exists()


def test_flyte_mode_needs_a_command(bundle):
    result = run_bootstrap(["flyte", "--bundle", bundle])

    assert result.returncode == 64
    assert "needs the command" in error_lines(result.stderr, "BadArguments")[0]
