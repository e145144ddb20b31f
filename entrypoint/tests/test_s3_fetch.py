"""Fetching packages and bundles from s3:// with boto3, against moto's in-process S3."""

import importlib.util
import json
import sys

import pytest
from builders import build_bundle
from conftest import BOOTSTRAP, clean_env, error_lines, run_bootstrap

moto = pytest.importorskip("moto", reason="moto is not installed (pip install 'moto[s3]')")
boto3 = pytest.importorskip("boto3", reason="boto3 is not installed")

BUCKET = "emr-pipeline-test"


@pytest.fixture
def bootstrap(monkeypatch):
    """The bootstrap loaded as a module, with the interpreter state it changes restored."""
    for name in ("AWS_PROFILE", "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_S3"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")
    monkeypatch.setattr(sys, "path", list(sys.path))
    monkeypatch.setattr(sys, "argv", list(sys.argv))
    spec = importlib.util.spec_from_file_location("emr_pipeline_bootstrap", str(BOOTSTRAP))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    yield module
    for name in [n for n in sys.modules if n == "greeter" or n.startswith("greeter.")]:
        del sys.modules[name]


@pytest.fixture
def s3():
    with moto.mock_aws():
        client = boto3.client("s3", region_name="us-east-1")
        client.create_bucket(Bucket=BUCKET)
        yield client


def test_downloads_the_package_when_spark_did_not_distribute_it(bootstrap, s3, greeter_wheel,
                                                                tmp_path):
    s3.upload_file(str(greeter_wheel), BUCKET, "packages/" + greeter_wheel.name)
    record = tmp_path / "record.json"

    status = bootstrap.main(["package", "--package",
                             "s3://%s/packages/%s" % (BUCKET, greeter_wheel.name),
                             "--module", "greeter.cli", "--", str(record)])

    assert status == 0
    seen = json.loads(record.read_text())
    assert seen["argv"] == [str(record)]
    assert greeter_wheel.name in seen["file"]
    assert str(greeter_wheel) not in seen["file"], "must run the downloaded copy"


def test_missing_s3_package_names_the_uri(bootstrap, s3, capsys):
    uri = "s3://%s/packages/absent-0.1.0-py3-none-any.whl" % BUCKET

    status = bootstrap.main(["package", "--package", uri, "--module", "absent.main"])

    assert status == 65
    first = capsys.readouterr().err.splitlines()[0]
    assert first == ("emr-pipeline-bootstrap: PackageNotFound: cannot download %s: "
                     "it does not exist" % uri)


def test_downloads_the_bundle(bootstrap, s3, tmp_path):
    bundle = build_bundle(tmp_path, {"flow/__init__.py": "MARK = 'bundled'\n"})
    s3.upload_file(str(bundle), BUCKET, "fast/bundle.tar.gz")
    out = tmp_path / "out.txt"
    command = [sys.executable, "-c",
               "import sys, flow; open(sys.argv[1], 'w').write(flow.MARK)", str(out)]

    status = bootstrap.main(["flyte", "--bundle", "s3://%s/fast/bundle.tar.gz" % BUCKET,
                             "--"] + command)

    assert status == 0
    assert out.read_text() == "bundled"


def test_missing_s3_bundle(bootstrap, s3, capsys):
    status = bootstrap.main(["flyte", "--bundle", "s3://%s/fast/none.tar.gz" % BUCKET,
                             "--", "true"])

    assert status == 69
    assert "does not exist" in error_lines(capsys.readouterr().err, "BundleUnusable")[0]


def test_says_so_when_boto3_is_not_there(tmp_path):
    # An image without boto3: a stand-in package that fails to import shadows the real one.
    shadow = tmp_path / "shadow" / "boto3"
    shadow.mkdir(parents=True)
    (shadow / "__init__.py").write_text("raise ImportError('no boto3 in this image')\n")

    result = run_bootstrap(["package", "--package", "s3://bucket/pkg.whl", "--module", "pkg"],
                           env=clean_env(PYTHONPATH=str(tmp_path / "shadow")))

    assert result.returncode == 65
    first = error_lines(result.stderr, "PackageNotFound")[0]
    assert "s3://bucket/pkg.whl" in first and "boto3" in first
