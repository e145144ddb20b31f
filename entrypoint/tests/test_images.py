"""The worker images follow the deployment: same release, same pinned flytekit, and the
validation script says why it skips where it cannot run."""

import json
import re
import subprocess

import pytest
from conftest import ENTRYPOINT_DIR, REPO_ROOT

CONTRACT = json.loads((REPO_ROOT / "statemachines" / "contract.json").read_text())
SCRIPT = ENTRYPOINT_DIR / "validate-image.sh"


def build_arg(dockerfile, name):
    match = re.search(rf"^ARG {name}=(\S+)$", (ENTRYPOINT_DIR / dockerfile).read_text(), re.MULTILINE)
    assert match, f"{dockerfile} declares no default for {name}"
    return match.group(1)


@pytest.mark.parametrize("dockerfile", ["Dockerfile", "Dockerfile.flyte"])
def test_each_image_is_built_on_the_deployments_default_release(dockerfile):
    assert build_arg(dockerfile, "EMR_RELEASE") == CONTRACT["defaultReleaseLabel"]


def test_the_flyte_image_installs_the_flytekit_the_project_pins():
    pins = dict(line.split("==") for line in (REPO_ROOT / "requirements.txt").read_text().splitlines()
                if re.match(r"^[A-Za-z0-9_.-]+==", line))
    assert build_arg("Dockerfile.flyte", "FLYTEKIT_VERSION") == pins["flytekit"].split()[0]


def test_validation_without_an_image_is_a_usage_error():
    result = subprocess.run(["bash", str(SCRIPT)], check=False, capture_output=True, text=True)
    assert result.returncode == 2
    assert "usage:" in result.stderr


def docker_engine_answers():
    try:
        return subprocess.run(["docker", "info"], check=False, capture_output=True).returncode == 0
    except FileNotFoundError:
        return False


@pytest.mark.skipif(docker_engine_answers(), reason="a Docker engine is present: the skip path does not apply")
def test_validation_skips_naming_the_reason_where_no_docker_engine_runs():
    result = subprocess.run(["bash", str(SCRIPT), "emr-pipeline-worker:test"],
                            check=False, capture_output=True, text=True)
    assert result.returncode == 77
    assert result.stderr.startswith("skipped: ")


@pytest.mark.skipif(not docker_engine_answers(), reason="no Docker engine on this machine: images cannot be built")
def test_a_built_image_validates_against_its_release():
    pytest.skip("building the worker image needs the EMR base image from public.ecr.aws, "
                "which this machine's registries do not reach")


def worker_image_request():
    path = REPO_ROOT / "examples" / "kedro-project" / "job-request.worker-image.json"
    return json.loads(path.read_text())


def test_the_kedro_image_request_follows_the_schema_and_runs_the_module_the_image_installed():
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((REPO_ROOT / "functions/src/main/resources/schemas/job-request.schema.json").read_text())
    request = worker_image_request()

    jsonschema.Draft202012Validator(schema).validate(request)
    assert "package" not in request["job"], "the image has the project installed"


def test_the_kedro_image_request_reads_the_configuration_and_python_where_the_image_puts_them():
    job = worker_image_request()["job"]
    arguments = job["arguments"]

    conf = arguments[arguments.index("--conf-source") + 1]
    assert conf == build_arg("Dockerfile", "CONF_PARENT") + "/conf", "kedro package archives conf/ itself"
    python = "/usr/bin/" + build_arg("Dockerfile", "PYTHON")
    pythons = {key: value for key, value in job["sparkConf"].items() if key.endswith("PYTHON")}
    assert len(pythons) == 3 and set(pythons.values()) == {python}, pythons
