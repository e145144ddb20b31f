"""Package mode with a project's configuration archive (--conf-archive): main(argv) gets its directory."""

import json
import zipfile

import pytest
from builders import build_bundle
from conftest import error_lines, run_bootstrap

KEDRO_CONF = {"conf/base/catalog.yml": "orders: {}\n", "conf/emr/catalog.yml": "orders: {}\n"}


def run_with_conf(wheel, record, conf_args, cwd, python=None):
    return run_bootstrap(["package", "--package", wheel, "--module", "greeter.conf"] + conf_args
                         + ["--", record, "--env", "emr"], cwd=cwd, python=python)


def read(record):
    with open(str(record)) as handle:
        return json.load(handle)


def test_the_directory_spark_unpacked_is_passed_after_the_users_arguments(greeter_wheel, tmp_path, python):
    # What spark.archives=<uri>#project-conf leaves in the driver's working directory.
    for path, text in KEDRO_CONF.items():
        target = tmp_path / "project-conf" / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text)
    record = tmp_path / "record.json"

    result = run_with_conf(greeter_wheel, record, ["--conf-archive", "s3://bucket/dist/conf-p.tar.gz#project-conf"],
                           cwd=tmp_path, python=python)

    assert result.returncode == 0, result.stderr
    seen = read(record)
    conf = str(tmp_path / "project-conf" / "conf")
    assert seen["argv"] == [str(record), "--env", "emr", "--conf-source", conf], "the archive's one folder is the conf"
    assert seen["files"] == ["base/catalog.yml", "emr/catalog.yml"]
    assert "unpacked by spark.archives" in result.stderr


def test_an_archive_spark_did_not_unpack_is_unpacked_on_the_driver(greeter_wheel, tmp_path):
    archive = build_bundle(tmp_path, KEDRO_CONF, name="conf-p.tar.gz")
    record = tmp_path / "record.json"

    result = run_with_conf(greeter_wheel, record, ["--conf-archive", "%s#project-conf" % archive,
                                                   "--conf-option=--config-dir"], cwd=tmp_path)

    assert result.returncode == 0, result.stderr
    seen = read(record)
    assert seen["argv"][:4] == [str(record), "--env", "emr", "--config-dir"]
    assert seen["files"] == ["base/catalog.yml", "emr/catalog.yml"]
    assert "unpacked on the driver only" in result.stderr


def test_a_zip_archive_with_files_at_its_root_is_that_directory(greeter_wheel, tmp_path):
    archive = tmp_path / "settings.zip"
    with zipfile.ZipFile(str(archive), "w") as zipped:
        zipped.writestr("app.yml", "a: 1\n")
        zipped.writestr("jobs/daily.yml", "b: 2\n")
    record = tmp_path / "record.json"

    result = run_with_conf(greeter_wheel, record, ["--conf-archive", "%s#project-conf" % archive], cwd=tmp_path)

    assert result.returncode == 0, result.stderr
    assert read(record)["files"] == ["app.yml", "jobs/daily.yml"]


def test_a_missing_archive_names_the_uri(greeter_wheel, tmp_path):
    missing = tmp_path / "conf-gone.tar.gz"

    result = run_with_conf(greeter_wheel, tmp_path / "r.json", ["--conf-archive", "%s#project-conf" % missing],
                           cwd=tmp_path)

    assert result.returncode == 71
    assert str(missing) in error_lines(result.stderr, "ConfUnusable")[0]


@pytest.mark.parametrize("files", [{"../escaped.yml": "x"}, {"/tmp/escaped-absolute.yml": "x"}])
def test_refuses_entries_that_leave_the_directory(greeter_wheel, tmp_path, files):
    unsafe = build_bundle(tmp_path, files, name="conf-unsafe.tar.gz")

    result = run_with_conf(greeter_wheel, tmp_path / "r.json", ["--conf-archive", "%s#project-conf" % unsafe],
                           cwd=tmp_path)

    assert result.returncode == 71
    assert "unsafe entry" in error_lines(result.stderr, "ConfUnusable")[0]
    assert not (tmp_path / "escaped.yml").exists()


@pytest.mark.parametrize("conf_args, complaint", [
    (["--conf-archive", "s3://bucket/conf.tar.gz"], "must end in #ALIAS"),
    (["--conf-archive", "s3://bucket/conf.tar.gz#../up"], "must end in #ALIAS"),
    (["--conf-archive", "s3://bucket/conf.tar.gz#c", "--conf-option=-c"], "not a long option"),
])
def test_arguments_outside_the_contract_are_bad_arguments(greeter_wheel, tmp_path, conf_args, complaint):
    result = run_with_conf(greeter_wheel, tmp_path / "r.json", conf_args, cwd=tmp_path)

    assert result.returncode == 64
    assert complaint in error_lines(result.stderr, "BadArguments")[0]
