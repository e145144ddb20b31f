from collections import OrderedDict

import pytest
from emr_pipeline_flyte import (
    TASK_TYPE,
    EmrServerless,
    EmrServerlessTask,
    InvalidJobRequest,
    package_job,
    script_job,
)
from flytekit.configuration import Image, ImageConfig, SerializationSettings
from flytekit.tools.translator import get_serializable

SETTINGS = SerializationSettings(
    project="flytesnacks",
    domain="development",
    version="v1",
    image_config=ImageConfig(default_image=Image(name="default", fqn="ghcr.io/flyteorg/flytekit", tag="py3.11")),
)


def serialized(task):
    return get_serializable(OrderedDict(), SETTINGS, task).template


def wordcount(**config):
    return EmrServerlessTask(
        name="analytics.wordcount",
        inputs={"day": str},
        task_config=EmrServerless(
            application_name="analytics",
            job=script_job("s3://my-bucket/jobs/wordcount.py", arguments=["--day", "{{.inputs.day}}"]),
            **config,
        ),
    )


def test_the_template_carries_the_task_type_and_the_job_request_in_custom():
    template = serialized(wordcount(timeout_minutes=30))

    assert template.type == TASK_TYPE
    assert template.task_type_version == 0
    assert template.custom == {
        "name": "analytics.wordcount",
        "application": {"name": "analytics"},
        "job": {
            "mode": "script",
            "entryPoint": "s3://my-bucket/jobs/wordcount.py",
            "arguments": ["--day", "{{.inputs.day}}"],
        },
        "timeoutMinutes": 30,
    }


def test_the_interface_has_the_inputs_and_the_connector_outputs():
    template = serialized(wordcount())

    assert set(template.interface.inputs) == {"day"}
    assert set(template.interface.outputs) == {"application_id", "job_run_id", "job_run"}


def test_numbers_reach_the_protobuf_template_as_doubles_the_connector_turns_back():
    idl = serialized(wordcount(timeout_minutes=30)).to_flyte_idl()

    assert idl.custom.fields["timeoutMinutes"].number_value == 30.0


def test_a_request_the_schema_rejects_fails_at_declaration_naming_the_field():
    with pytest.raises(InvalidJobRequest) as raised:
        EmrServerlessTask(
            name="broken",
            task_config=EmrServerless(application_id="app1", job=script_job("s3://bucket/job.txt")),
        )

    assert "entryPoint" in str(raised.value)


def test_an_application_by_id_cannot_also_be_created():
    with pytest.raises(InvalidJobRequest):
        EmrServerlessTask(
            name="both",
            task_config=EmrServerless(
                application_id="app1",
                create_application={"releaseLabel": "emr-7.5.0"},
                job=script_job("s3://bucket/job.py"),
            ),
        )


def test_a_placeholder_for_an_undeclared_input_is_refused():
    with pytest.raises(ValueError, match="run_date"):
        EmrServerlessTask(
            name="typo",
            inputs={"day": str},
            task_config=EmrServerless(
                application_id="app1",
                job=script_job("s3://bucket/job.py", arguments=["{{.inputs.run_date}}"]),
            ),
        )


def test_package_mode_with_a_venv_and_a_created_application():
    task = EmrServerlessTask(
        name="wordstats",
        task_config=EmrServerless(
            application_name="analytics",
            create_application={"releaseLabel": "emr-7.5.0", "architecture": "ARM64"},
            job=package_job(
                "s3://my-bucket/dist/wordstats-0.1.0-py3-none-any.whl",
                "wordstats.main",
                venv_archive="s3://my-bucket/envs/pyspark_venv.tar.gz",
            ),
        ),
    )

    assert task.job_request["job"]["pythonEnvironment"] == {"venvArchive": "s3://my-bucket/envs/pyspark_venv.tar.gz"}
    assert task.job_request["application"]["create"]["architecture"] == "ARM64"


def test_a_kedro_project_with_its_configuration_archive():
    task = EmrServerlessTask(
        name="order_totals",
        task_config=EmrServerless(
            application_name="analytics",
            job=package_job(
                "s3://my-bucket/dist/order_totals-0.1-py3-none-any.whl",
                "order_totals.__main__",
                arguments=["--env", "emr", "--pipelines", "orders"],
                conf_archive="s3://my-bucket/dist/conf-order_totals.tar.gz",
            ),
        ),
    )

    assert task.job_request["job"]["projectConf"] == {"archive": "s3://my-bucket/dist/conf-order_totals.tar.gz"}


def test_a_configuration_archive_outside_package_mode_is_refused_at_declaration():
    job = script_job("s3://bucket/job.py")
    job["projectConf"] = {"archive": "s3://bucket/conf.tar.gz"}

    with pytest.raises(InvalidJobRequest, match=r"\$\.job\.projectConf"):
        EmrServerlessTask(name="misplaced", task_config=EmrServerless(application_id="app1", job=job))


def test_running_it_locally_says_where_it_runs():
    with pytest.raises(RuntimeError, match="connector"):
        wordcount().execute(day="2026-01-01")
