"""A Flyte client's view: CreateTask with the plugin's template, GetTask until the end, DeleteTask."""
import os
import time

import boto3
import grpc
import pytest

TIMEOUT_SECONDS = 90


@pytest.fixture(scope="module")
def agent(flyteidl):
    channel = grpc.insecure_channel(os.environ["EMR_PIPELINE_CONNECTOR"])
    yield flyteidl.service.AsyncAgentServiceStub(channel)
    channel.close()


def create_request(flyteidl, template_bytes, workflow_execution, rows):
    ident = flyteidl.identifier
    literals = flyteidl.literals
    template = flyteidl.tasks.TaskTemplate.FromString(template_bytes)
    task_execution_id = ident.TaskExecutionIdentifier(
        task_id=template.id,
        node_execution_id=ident.NodeExecutionIdentifier(
            node_id="n0",
            execution_id=ident.WorkflowExecutionIdentifier(
                project="flytesnacks", domain="development", name=workflow_execution),
        ),
        retry_attempt=0,
    )
    rows_literal = literals.Literal(scalar=literals.Scalar(primitive=literals.Primitive(integer=rows)))
    return flyteidl.admin.CreateTaskRequest(
        inputs=literals.LiteralMap(literals={"rows": rows_literal}),
        template=template,
        output_prefix=f"s3://flyte-data/metadata/{workflow_execution}",
        task_execution_metadata=flyteidl.admin.TaskExecutionMetadata(task_execution_id=task_execution_id),
    )


def poll(flyteidl, agent, resource_meta, until_phase):
    """GetTask every 300 ms, as Propeller would (only faster), until the phase; returns every answer."""
    phase = flyteidl.execution.TaskExecution.Phase
    request = flyteidl.admin.GetTaskRequest(
        resource_meta=resource_meta,
        task_category=flyteidl.admin.TaskCategory(name="emr_serverless", version=0),
    )
    seen = []
    deadline = time.monotonic() + TIMEOUT_SECONDS
    while time.monotonic() < deadline:
        resource = agent.GetTask(request, timeout=30).resource
        seen.append(resource)
        if resource.phase == phase.Value(until_phase):
            return seen
        assert resource.phase not in (phase.FAILED, phase.ABORTED) or until_phase in ("FAILED", "ABORTED"), \
            f"ended {phase.Name(resource.phase)}: {resource.message}"
        time.sleep(0.3)
    pytest.fail(f"never {until_phase}; last: {phase.Name(seen[-1].phase)} {seen[-1].message}")


def test_a_task_runs_to_succeeded_with_log_links_and_outputs(flyteidl, agent, template_bytes):
    created = agent.CreateTask(create_request(flyteidl, template_bytes, "e2esuccess", rows=10), timeout=30)

    seen = poll(flyteidl, agent, created.resource_meta, "SUCCEEDED")

    phase = flyteidl.execution.TaskExecution.Phase
    assert phase.RUNNING in {r.phase for r in seen}
    done = seen[-1]
    links = {link.name: link.uri for link in done.log_links}
    assert {"EMR Serverless console", "Spark driver stdout", "Spark driver stderr",
            "Step Functions execution"} <= links.keys()
    job_run_id = done.outputs.literals["job_run_id"].scalar.primitive.string_value
    assert job_run_id and job_run_id in links["EMR Serverless console"]
    job_run = done.outputs.literals["job_run"].scalar.generic
    assert job_run.fields["state"].string_value == "SUCCESS"
    # The {{.inputs.rows}} placeholder reached the job: the run's name proves it is ours, the
    # arguments prove the input was rendered.
    emr = emr_client()
    run = emr.get_job_run(applicationId=os.environ["EMR_PIPELINE_APPLICATION_ID"], jobRunId=job_run_id)["jobRun"]
    assert run["jobDriver"]["sparkSubmit"]["entryPointArguments"] == ["--rows", "10"]


def test_delete_task_aborts_the_execution_and_its_job_is_cancelled(flyteidl, agent, template_bytes):
    created = agent.CreateTask(create_request(flyteidl, template_bytes, "e2eabort", rows=5), timeout=30)
    running = poll(flyteidl, agent, created.resource_meta, "RUNNING")[-1]
    job_run_id = running.custom_info.fields["jobRunId"].string_value
    # moto 5.2 records a stop that lands before the pipeline's callback wait is armed as a
    # States.Timeout failure (real Step Functions does not): abort a job that is really running.
    assert wait_for_job_state(job_run_id, "RUNNING") == "RUNNING"

    agent.DeleteTask(flyteidl.admin.DeleteTaskRequest(resource_meta=created.resource_meta), timeout=30)

    aborted = poll(flyteidl, agent, created.resource_meta, "ABORTED")[-1]
    assert "stopped" in aborted.message
    assert wait_for_job_state(job_run_id, "CANCELLED") == "CANCELLED"


def emr_client():
    return boto3.client(
        "emr-serverless",
        endpoint_url=os.environ["EMR_PIPELINE_AWS_ENDPOINT"],
        region_name="us-east-1",
        aws_access_key_id="local",
        aws_secret_access_key="local",
    )


def wait_for_job_state(job_run_id, wanted):
    emr = emr_client()
    deadline = time.monotonic() + TIMEOUT_SECONDS
    state = None
    while time.monotonic() < deadline:
        state = emr.get_job_run(applicationId=os.environ["EMR_PIPELINE_APPLICATION_ID"],
                                jobRunId=job_run_id)["jobRun"]["state"]
        if state == wanted:
            return state
        time.sleep(0.3)
    return state
