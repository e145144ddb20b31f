"""Package mode: import a module from a wheel and call its main(argv) in-process."""

import json

import pytest
from conftest import BOOTSTRAP, clean_env, error_lines, run_bootstrap


def read_record(path):
    with open(str(path)) as handle:
        return json.load(handle)


def test_calls_main_in_process_with_the_user_arguments(greeter_wheel, tmp_path, python):
    record = tmp_path / "record.json"
    result = run_bootstrap(["package", "--package", greeter_wheel, "--module", "greeter.cli",
                            "--", record, "--date", "2024-01-01", "--"], python=python)

    assert result.returncode == 0, result.stderr
    seen = read_record(record)
    assert seen["argv"] == [str(record), "--date", "2024-01-01", "--"]
    assert seen["sys_argv"] == ["greeter.cli", str(record), "--date", "2024-01-01", "--"]
    assert seen["runner"] == str(BOOTSTRAP), "main must run inside the bootstrap's process"
    assert str(greeter_wheel) in seen["file"], "the module must come from the given wheel"


def test_warns_when_spark_did_not_distribute_the_package(greeter_wheel, tmp_path):
    result = run_bootstrap(["package", "--package", greeter_wheel, "--module", "greeter.cli",
                            "--", tmp_path / "r.json"])

    assert result.returncode == 0, result.stderr
    assert "was not on sys.path" in result.stderr
    assert "executors" in result.stderr


def test_uses_the_copy_spark_put_on_the_path(greeter_wheel, tmp_path):
    # spark.submit.pyFiles puts the file itself on the driver's PYTHONPATH.
    record = tmp_path / "record.json"
    env = clean_env(PYTHONPATH=str(greeter_wheel))
    result = run_bootstrap(["package", "--package", "s3://bucket/jobs/" + greeter_wheel.name,
                            "--module", "greeter.cli", "--", record], env=env)

    assert result.returncode == 0, result.stderr
    assert "was not on sys.path" not in result.stderr, "nothing should have been fetched"
    assert read_record(record)["file"].startswith(str(greeter_wheel))


def test_the_given_package_wins_over_an_installed_copy(greeter_wheel, tmp_path):
    installed = tmp_path / "site" / "greeter"
    installed.mkdir(parents=True)
    (installed / "__init__.py").write_text("VERSION = 'installed'\n")
    (installed / "cli.py").write_text("def main(argv):\n    raise SystemExit('old copy ran')\n")
    record = tmp_path / "record.json"

    result = run_bootstrap(["package", "--package", greeter_wheel, "--module", "greeter.cli",
                            "--", record], env=clean_env(PYTHONPATH=str(tmp_path / "site")))

    assert result.returncode == 0, result.stderr
    assert read_record(record)["version"] == "wheel"


def test_without_package_the_module_must_already_be_importable(greeter_wheel, tmp_path):
    record = tmp_path / "record.json"
    result = run_bootstrap(["package", "--module", "greeter.cli", "--", record],
                           env=clean_env(PYTHONPATH=str(greeter_wheel)))

    assert result.returncode == 0, result.stderr
    assert read_record(record)["argv"] == [str(record)]


def test_accepts_a_file_uri(greeter_wheel, tmp_path):
    record = tmp_path / "record.json"
    result = run_bootstrap(["package", "--package", "file://%s" % greeter_wheel,
                            "--module", "greeter.cli", "--", record])

    assert result.returncode == 0, result.stderr
    assert record.exists()


@pytest.mark.parametrize("module, argument, expected", [
    ("greeter.exits", "3", 3),
    ("greeter.exits", "0", 0),
    ("greeter.returns", "4", 4),
    ("greeter.results", "x", 0),
])
def test_exit_status_of_main_becomes_the_job_exit_status(greeter_wheel, module, argument,
                                                         expected):
    result = run_bootstrap(["package", "--package", greeter_wheel, "--module", module,
                            "--", argument])

    assert result.returncode == expected, result.stderr
    if expected:
        assert error_lines(result.stderr, "MainFailed")[0].endswith(
            "%s.main exited with status %d" % (module, expected))


def test_missing_package_names_the_uri(tmp_path, python):
    missing = tmp_path / "nowhere" / "greeter-0.1.0-py3-none-any.whl"
    result = run_bootstrap(["package", "--package", missing, "--module", "greeter.cli"],
                           python=python)

    assert result.returncode == 65
    first = result.stderr.splitlines()[0]
    assert first.startswith("emr-pipeline-bootstrap: PackageNotFound: ")
    assert str(missing) in first


def test_module_not_in_the_package_names_module_and_import_error(greeter_wheel):
    result = run_bootstrap(["package", "--package", greeter_wheel, "--module", "greeter.nope"])

    assert result.returncode == 66
    block = error_lines(result.stderr, "ModuleNotImportable")
    assert "greeter.nope" in block[0]
    assert "ModuleNotFoundError: No module named 'greeter.nope'" in block[0]
    assert "Traceback" not in result.stderr, "a plain typo needs no traceback"


def test_missing_dependency_shows_where_it_was_imported(greeter_wheel):
    result = run_bootstrap(["package", "--package", greeter_wheel,
                            "--module", "greeter.needs_dep"])

    assert result.returncode == 66
    block = error_lines(result.stderr, "ModuleNotImportable")
    assert "dependency_nobody_installed" in block[0]
    assert any("needs_dep.py" in line for line in block), "traceback should point at the import"


def test_module_without_main(greeter_wheel):
    result = run_bootstrap(["package", "--package", greeter_wheel, "--module", "greeter.nomain"])

    assert result.returncode == 67
    assert "greeter.nomain has no callable main" in error_lines(result.stderr, "MainNotFound")[0]


def test_main_that_raises_prints_a_summary_then_the_traceback(greeter_wheel, python):
    result = run_bootstrap(["package", "--package", greeter_wheel, "--module", "greeter.broken",
                            "--", "a"], python=python)

    assert result.returncode == 68
    block = error_lines(result.stderr, "MainFailed")
    assert block[0].endswith("greeter.broken.main raised ValueError: boom from ['a']")
    assert "Traceback (most recent call last):" in block
    assert any("broken.py" in line for line in block)


@pytest.mark.parametrize("args, complaint", [
    ([], "must be a mode"),
    (["spark"], "invalid choice"),
    (["package", "--package", "x.whl"], "--module"),
    (["package", "--module", "1st.module"], "not a dotted Python module name"),
    (["package", "--modul", "greeter.cli"], "--module"),
    (["package", "--package", "https://example.invalid/x.whl", "--module", "m"],
     "unsupported URI"),
    (["package", "--package", "s3://bucket-only", "--module", "m"], "does not name an S3 object"),
])
def test_bad_arguments(args, complaint):
    result = run_bootstrap(args)

    assert result.returncode == 64, result.stderr
    first = result.stderr.splitlines()[0]
    assert first.startswith("emr-pipeline-bootstrap: BadArguments: ")
    assert complaint in first
