"""Flyte tasks that run on EMR Serverless through the emr-pipeline connector.

    from emr_pipeline_flyte import EmrServerless, EmrServerlessTask, script_job

    wordcount = EmrServerlessTask(
        name="wordcount",
        inputs={"day": str},
        task_config=EmrServerless(
            application_name="analytics",
            job=script_job("s3://my-bucket/jobs/wordcount.py", arguments=["--day", "{{.inputs.day}}"]),
        ),
    )
"""
from .config import EmrServerless, package_job, script_job
from .schema import InvalidJobRequest, validate_job_request
from .task import TASK_TYPE, TASK_TYPE_VERSION, EmrServerlessTask

__all__ = [
    "EmrServerless",
    "EmrServerlessTask",
    "InvalidJobRequest",
    "TASK_TYPE",
    "TASK_TYPE_VERSION",
    "package_job",
    "script_job",
    "validate_job_request",
]
