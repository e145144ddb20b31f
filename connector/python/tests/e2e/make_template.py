"""Writes the TaskTemplate of an EmrServerlessTask, as pyflyte register would send it, to a file.

Runs in its own process: flytekit's flyteidl package and the client code the end-to-end test
generates from the npm protos define the same proto files, and one process can load only one.
Usage: python make_template.py <application-id> <output-file>
"""
import sys
from collections import OrderedDict

from emr_pipeline_flyte import EmrServerless, EmrServerlessTask, script_job
from flytekit.configuration import Image, ImageConfig, SerializationSettings
from flytekit.tools.translator import get_serializable


def main(application_id: str, output: str) -> None:
    task = EmrServerlessTask(
        name="e2e.row_count",
        inputs={"rows": int},
        task_config=EmrServerless(
            application_id=application_id,
            job=script_job("s3://emr-pipeline-local/jobs/job.py", arguments=["--rows", "{{.inputs.rows}}"]),
            timeout_minutes=10,
        ),
    )
    settings = SerializationSettings(
        project="flytesnacks",
        domain="development",
        version="e2e",
        image_config=ImageConfig(default_image=Image(name="default", fqn="ghcr.io/flyteorg/flytekit", tag="py3.11")),
    )
    template = get_serializable(OrderedDict(), settings, task).template.to_flyte_idl()
    with open(output, "wb") as out:
        out.write(template.SerializeToString())


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
