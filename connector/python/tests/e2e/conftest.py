"""The end-to-end test's client: Python gRPC code generated from the same flyteidl protos the
connector is built from (connector/node_modules/@flyteorg/flyteidl/protos, via npm ci).

The test needs a running connector over the local pipeline; the Java test PythonClientE2EIT
starts both and runs this directory with the environment below. Without it, it is skipped.
"""
import importlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

CONNECTOR_DIR = Path(__file__).resolve().parents[3]
DEFAULT_PROTOS = CONNECTOR_DIR / "node_modules/@flyteorg/flyteidl/protos"
REQUIRED_ENV = ("EMR_PIPELINE_CONNECTOR", "EMR_PIPELINE_APPLICATION_ID", "EMR_PIPELINE_AWS_ENDPOINT")


def pytest_collection_modifyitems(config, items):
    missing = [name for name in REQUIRED_ENV if not os.environ.get(name)]
    if missing:
        skip = pytest.mark.skip(reason=f"needs a running connector (set {', '.join(missing)}); "
                                       "run through connector's PythonClientE2EIT")
        for item in items:
            if "e2e" in str(item.fspath):
                item.add_marker(skip)


def _generate(protos: Path, out: Path) -> None:
    # google/protobuf/*.proto ship with grpc_tools, google/api/*.proto with googleapis-common-protos.
    import google.api.annotations_pb2 as annotations
    import grpc_tools
    from grpc_tools import protoc

    well_known = Path(grpc_tools.__file__).parent / "_proto"
    googleapis = Path(annotations.__file__).parents[2]
    sources = sorted(str(p.relative_to(protos)) for p in (protos / "flyteidl/core").glob("*.proto"))
    sources += ["flyteidl/admin/agent.proto", "flyteidl/service/agent.proto"]
    args = ["protoc", f"-I{protos}", f"-I{well_known}", f"-I{googleapis}",
            f"--python_out={out}", f"--grpc_python_out={out}", *sources]
    if protoc.main(args) != 0:
        raise RuntimeError(f"protoc failed on {protos}")


@pytest.fixture(scope="session")
def flyteidl(tmp_path_factory):
    """The generated modules: admin (agent_pb2), core (literals_pb2, execution_pb2), service stubs."""
    protos = Path(os.environ.get("FLYTEIDL_PROTOS", DEFAULT_PROTOS))
    if not (protos / "flyteidl/service/agent.proto").is_file():
        pytest.fail(f"no flyteidl protos at {protos}: run `npm ci` in connector/")
    out = tmp_path_factory.mktemp("flyteidl_gen")
    _generate(protos, out)
    if "flyteidl" in sys.modules:
        pytest.fail("another flyteidl package is already imported in this process; run tests/e2e on its own")
    sys.path.insert(0, str(out))
    return type("Flyteidl", (), {
        "admin": importlib.import_module("flyteidl.admin.agent_pb2"),
        "literals": importlib.import_module("flyteidl.core.literals_pb2"),
        "identifier": importlib.import_module("flyteidl.core.identifier_pb2"),
        "execution": importlib.import_module("flyteidl.core.execution_pb2"),
        "tasks": importlib.import_module("flyteidl.core.tasks_pb2"),
        "service": importlib.import_module("flyteidl.service.agent_pb2_grpc"),
    })


@pytest.fixture(scope="session")
def template_bytes(tmp_path_factory):
    """The TaskTemplate the plugin produces, serialized by flytekit in a separate process."""
    out = tmp_path_factory.mktemp("template") / "template.pb"
    subprocess.run(
        [sys.executable, str(Path(__file__).with_name("make_template.py")),
         os.environ["EMR_PIPELINE_APPLICATION_ID"], str(out)],
        check=True,
        env={**os.environ, "PYTHONPATH": str(CONNECTOR_DIR / "python/src")},
    )
    return out.read_bytes()
