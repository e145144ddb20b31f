"""Shared fixtures: the bootstrap as users run it, and the artifacts it consumes."""

import glob
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from builders import build_wheel

ENTRYPOINT_DIR = Path(__file__).resolve().parent.parent
BOOTSTRAP = ENTRYPOINT_DIR / "emr_pipeline_bootstrap.py"
REPO_ROOT = ENTRYPOINT_DIR.parent

# Each module of the test wheel plays one situation a packaged job can be in.
GREETER_MODULES = {
    "greeter/__init__.py": "VERSION = 'wheel'\n",
    "greeter/cli.py": (
        "import json, sys, greeter\n"
        "def main(argv):\n"
        "    record = {'argv': argv, 'sys_argv': sys.argv, 'file': __file__,\n"
        "              'version': greeter.VERSION,\n"
        "              'runner': sys.modules['__main__'].__file__}\n"
        "    with open(argv[0], 'w') as out:\n"
        "        json.dump(record, out)\n"),
    "greeter/broken.py": "def main(argv):\n    raise ValueError('boom from ' + repr(argv))\n",
    "greeter/nomain.py": "HELLO = 1\n",
    "greeter/needs_dep.py": "import dependency_nobody_installed\ndef main(argv):\n    pass\n",
    "greeter/exits.py": "import sys\ndef main(argv):\n    sys.exit(int(argv[0]))\n",
    "greeter/returns.py": "def main(argv):\n    return int(argv[0])\n",
    "greeter/results.py": "def main(argv):\n    return {'rows': 3}\n",
    # Records its arguments and the files of the directory its last argument names (a configuration).
    "greeter/conf.py": (
        "import json, os\n"
        "def main(argv):\n"
        "    found = sorted(os.path.relpath(os.path.join(d, f), argv[-1])\n"
        "                   for d, _, files in os.walk(argv[-1]) for f in files)\n"
        "    with open(argv[0], 'w') as out:\n"
        "        json.dump({'argv': argv, 'files': found}, out)\n"),
}


@pytest.fixture
def greeter_wheel(tmp_path):
    return build_wheel(tmp_path, "greeter", "0.1.0", GREETER_MODULES)


def clean_env(**extra):
    """The caller's environment minus anything that could put modules on the path."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    env.update(extra)
    return env


def run_bootstrap(args, python=None, env=None, cwd=None, timeout=60):
    command = [python or sys.executable, str(BOOTSTRAP)] + [str(a) for a in args]
    return subprocess.run(command, check=False, env=env or clean_env(), cwd=cwd, timeout=timeout,
                          capture_output=True, text=True)


def error_lines(stderr, name):
    """The bootstrap's error block: its first line names the error, the rest follows."""
    lines = stderr.splitlines()
    marker = "emr-pipeline-bootstrap: %s: " % name
    starts = [i for i, line in enumerate(lines) if line.startswith(marker)]
    assert starts, "no %s line in stderr:\n%s" % (name, stderr)
    return lines[starts[0]:]


def find_python37():
    """A Python 3.7 interpreter (the oldest EMR ships), or None."""
    candidates = [shutil.which("python3.7")]
    pyenv = shutil.which("pyenv")
    if pyenv:
        root = subprocess.run([pyenv, "root"], check=False, stdout=subprocess.PIPE,
                              text=True).stdout.strip()
        candidates += sorted(glob.glob(os.path.join(root, "versions", "3.7*", "bin", "python3.7")))
    for candidate in filter(None, candidates):
        probe = subprocess.run([candidate, "-c", "import sys; print(sys.version_info[:2])"], check=False,
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                               text=True)
        if probe.returncode == 0 and probe.stdout.strip() == "(3, 7)":
            return candidate
    return None


@pytest.fixture(params=["current", "3.7"], scope="session")
def python(request):
    """Runs a test under this interpreter and again under Python 3.7 when one exists."""
    if request.param == "current":
        return sys.executable
    found = find_python37()
    if not found:
        pytest.skip("no Python 3.7 interpreter here (python3.7 on PATH or under pyenv)")
    return found
