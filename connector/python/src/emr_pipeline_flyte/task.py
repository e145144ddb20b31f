"""The task users declare; the connector (task type ``emr_serverless``) runs it."""
import re
from typing import Any, Dict, Optional, Type

from flytekit.configuration import SerializationSettings
from flytekit.core.base_task import PythonTask
from flytekit.core.interface import Interface

from .config import EmrServerless
from .schema import validate_job_request

TASK_TYPE = "emr_serverless"
TASK_TYPE_VERSION = 0

#: What the connector returns when the job run succeeds.
OUTPUTS: Dict[str, Type] = {"application_id": str, "job_run_id": str, "job_run": dict}

_PLACEHOLDER = re.compile(r"\{\{\s*\.inputs\.([A-Za-z_][A-Za-z0-9_]*)\s*}}")


class EmrServerlessTask(PythonTask[EmrServerless]):
    """A Flyte task whose work is one EMR Serverless job run, started through the pipeline.

    The job request is validated when the task is declared, against the same JSON Schema the
    pipeline validates with, so a mistake shows up at import time rather than in a failed run.
    """

    def __init__(
        self,
        name: str,
        task_config: EmrServerless,
        inputs: Optional[Dict[str, Type]] = None,
        **kwargs: Any,
    ):
        super().__init__(
            task_type=TASK_TYPE,
            task_type_version=TASK_TYPE_VERSION,
            name=name,
            task_config=task_config,
            interface=Interface(inputs=inputs or {}, outputs=OUTPUTS),
            **kwargs,
        )
        self._job_request = task_config.job_request(name)
        validate_job_request(self._job_request)
        self._check_placeholders(set((inputs or {}).keys()))

    @property
    def job_request(self) -> Dict[str, Any]:
        return self._job_request

    def get_custom(self, settings: SerializationSettings) -> Dict[str, Any]:
        return self._job_request

    def execute(self, **kwargs: Any) -> Any:
        raise RuntimeError(
            f"{self.name} runs on EMR Serverless through the emr-pipeline connector; "
            "run it on a Flyte cluster (pyflyte run --remote), not locally"
        )

    def _check_placeholders(self, declared: set) -> None:
        used = set(_PLACEHOLDER.findall(repr(self._job_request)))
        unknown = sorted(used - declared)
        if unknown:
            raise ValueError(
                f"{self.name}: the job request uses {{{{.inputs.<name>}}}} for {unknown}, "
                f"which are not among the task's inputs {sorted(declared)}"
            )
