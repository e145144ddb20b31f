"""Puts the job request JSON Schema into the built package.

The schema's single source is functions/src/main/resources/schemas/job-request.schema.json;
a wheel cannot reach outside itself, so the build copies it in (the copy is git-ignored).
"""
import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

SOURCE = Path(__file__).resolve().parents[2] / "functions/src/main/resources/schemas/job-request.schema.json"


class BuildWithSchema(build_py):
    def run(self):
        target = Path(__file__).resolve().parent / "src/emr_pipeline_flyte/schemas"
        target.mkdir(exist_ok=True)
        shutil.copyfile(SOURCE, target / SOURCE.name)
        super().run()


setup(cmdclass={"build_py": BuildWithSchema})
