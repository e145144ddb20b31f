"""The bootstrap and the examples under a real local spark-submit, as EMR runs them.

Each spark-submit costs a JVM start; local[1], tiny inputs and a C1-only JIT keep one run
to roughly 10-15 s on two cores.
"""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import BOOTSTRAP, REPO_ROOT, clean_env

pytest.importorskip("pyspark", reason="pyspark is not installed in this environment")

pytestmark = pytest.mark.spark

EXAMPLES = REPO_ROOT / "examples"
INPUT = EXAMPLES / "wordcount" / "input.txt"
FAST_LOCAL_SPARK = [
    "--master", "local[1]",
    # Start-up dominates these runs; the C1 compiler alone starts the JVM much faster.
    "--driver-java-options", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC",
    "--conf", "spark.ui.enabled=false",
    "--conf", "spark.sql.shuffle.partitions=1",
]


@pytest.fixture(scope="module")
def spark_env():
    python_bin = os.path.dirname(sys.executable)
    env = clean_env(PYSPARK_PYTHON=sys.executable, PYSPARK_DRIVER_PYTHON=sys.executable,
                    SPARK_LOCAL_IP="127.0.0.1")
    # spark-submit finds its Spark home through the python on PATH, so use ours.
    env["PATH"] = python_bin + os.pathsep + env.get("PATH", "")
    if not shutil.which("spark-submit", path=env["PATH"]):
        pytest.skip("pyspark is installed but spark-submit is not on PATH")
    return env


def spark_submit(env, *args):
    command = ["spark-submit"] + FAST_LOCAL_SPARK + [str(a) for a in args]
    return subprocess.run(command, check=False, env=env, timeout=300, capture_output=True,
                          text=True)


def read_part_files(directory, suffix):
    lines = []
    for part in sorted(Path(directory).glob("part-*" + suffix)):
        lines += part.read_text().splitlines()
    return lines


@pytest.fixture(scope="module")
def wordstats_wheel(tmp_path_factory):
    """The packaged-project example built the way its README says, outside the repo."""
    source = tmp_path_factory.mktemp("source") / "packaged-project"
    shutil.copytree(str(EXAMPLES / "packaged-project"), str(source),
                    ignore=shutil.ignore_patterns("build", "dist", "*.egg-info"))
    wheels = tmp_path_factory.mktemp("wheels")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet",
                    "--wheel-dir", str(wheels), str(source)], check=True, timeout=300)
    return wheels / "wordstats-0.1.0-py3-none-any.whl"


def test_wordcount_example_in_script_mode(spark_env, tmp_path):
    output = tmp_path / "counts"
    result = spark_submit(spark_env, EXAMPLES / "wordcount" / "wordcount.py", INPUT, output)

    assert result.returncode == 0, result.stderr[-3000:]
    rows = read_part_files(output, ".csv")
    assert rows[0] == "word,count"
    assert rows[1:4] == ["the,6", "job,4", "a,3"]


def test_packaged_project_through_the_bootstrap(spark_env, wordstats_wheel, tmp_path):
    # What the Java side submits for package mode: pyFiles plus the bootstrap's arguments.
    # wordstats' tokenizer runs on the executors, so this fails unless they import the wheel.
    output = tmp_path / "stats"
    result = spark_submit(spark_env, "--conf", "spark.submit.pyFiles=%s" % wordstats_wheel,
                          BOOTSTRAP, "package", "--package", wordstats_wheel,
                          "--module", "wordstats.main", "--", INPUT, output)

    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "emr-pipeline-bootstrap: calling wordstats.main.main" in result.stdout
    assert "was not on sys.path" not in result.stdout
    stats = [json.loads(line) for line in read_part_files(output, ".json")]
    assert [row["length"] for row in stats][:3] == ["1", "2", "3"]
    assert stats[0] == {"length": "1", "words": 3, "distinct_words": 1, "example": "a"}
    assert sum(row["words"] for row in stats) == 47


def test_failing_main_fails_the_spark_submit(spark_env, greeter_wheel):
    # EMR marks the job FAILED from the driver's exit status; it must survive spark-submit.
    result = spark_submit(spark_env, "--conf", "spark.submit.pyFiles=%s" % greeter_wheel,
                          BOOTSTRAP, "package", "--package", greeter_wheel,
                          "--module", "greeter.broken", "--", "x")

    assert result.returncode == 68
    # spark-submit merges the Python driver's stderr into its own stdout (so on EMR the
    # message is in the driver's stdout log).
    assert "emr-pipeline-bootstrap: MainFailed: greeter.broken.main raised ValueError" \
        in result.stdout
