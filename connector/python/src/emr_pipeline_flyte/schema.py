"""Validation against the pipeline's own job request JSON Schema (the one SubmitJobRun uses)."""
import json
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Dict, List

import jsonschema

SCHEMA_NAME = "job-request.schema.json"
_SOURCE_PATH = Path("functions/src/main/resources/schemas") / SCHEMA_NAME


class InvalidJobRequest(ValueError):
    """The job request breaks the schema; the message lists every problem, one per line."""

    def __init__(self, problems: List[str]):
        self.problems = problems
        super().__init__("invalid EMR Serverless job request:\n  " + "\n  ".join(problems))


@lru_cache(maxsize=1)
def job_request_schema() -> Dict[str, Any]:
    """The schema packaged with the wheel, or, in a source checkout, the repository's file."""
    packaged = resources.files(__package__).joinpath("schemas", SCHEMA_NAME)
    if packaged.is_file():
        return json.loads(packaged.read_text(encoding="utf-8"))
    for parent in Path(__file__).resolve().parents:
        candidate = parent / _SOURCE_PATH
        if candidate.is_file():
            return json.loads(candidate.read_text(encoding="utf-8"))
    raise FileNotFoundError(
        f"{SCHEMA_NAME} is neither packaged nor found in a source checkout; install the plugin from a built wheel"
    )


def validate_job_request(request: Dict[str, Any]) -> None:
    validator = jsonschema.Draft202012Validator(job_request_schema())
    problems = sorted(
        f"{error.json_path}: {error.message}" for error in validator.iter_errors(request)
    )
    if problems:
        raise InvalidJobRequest(problems)
