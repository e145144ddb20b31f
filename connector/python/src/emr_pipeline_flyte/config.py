"""The task configuration: the parts of a job request a task fixes when it is declared."""
import re
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional


def script_job(
    entry_point: str,
    arguments: Optional[List[str]] = None,
    spark_conf: Optional[Dict[str, str]] = None,
    spark_submit_parameters: Optional[str] = None,
    main_class: Optional[str] = None,
    venv_archive: Optional[str] = None,
) -> Dict[str, Any]:
    """A script-mode job: EMR Serverless runs ``entry_point`` (an s3:// .py or .jar)."""
    job: Dict[str, Any] = {"mode": "script", "entryPoint": entry_point}
    return _with_spark(job, arguments, spark_conf, spark_submit_parameters, venv_archive, mainClass=main_class)


def package_job(
    package: Optional[str],
    module: str,
    arguments: Optional[List[str]] = None,
    spark_conf: Optional[Dict[str, str]] = None,
    spark_submit_parameters: Optional[str] = None,
    venv_archive: Optional[str] = None,
    conf_archive: Optional[str] = None,
    conf_option: Optional[str] = None,
) -> Dict[str, Any]:
    """A package-mode job: the pipeline's bootstrap runs ``module``'s ``main(argv)`` from a wheel or zip
    (``package=None``: from the application's image). ``conf_archive`` is the project's configuration
    archive (``kedro package``'s ``conf-<package>.tar.gz``); ``main`` gets its unpacked directory after
    ``conf_option`` (default ``--conf-source``)."""
    job: Dict[str, Any] = {"mode": "package", "module": module}
    if package is not None:
        job["package"] = package
    if conf_archive is not None:
        job["projectConf"] = {"archive": conf_archive}
        if conf_option is not None:
            job["projectConf"]["option"] = conf_option
    return _with_spark(job, arguments, spark_conf, spark_submit_parameters, venv_archive)


def _with_spark(job, arguments, spark_conf, spark_submit_parameters, venv_archive, **extra) -> Dict[str, Any]:
    if arguments:
        job["arguments"] = list(arguments)
    if spark_conf:
        job["sparkConf"] = dict(spark_conf)
    if spark_submit_parameters:
        job["sparkSubmitParameters"] = spark_submit_parameters
    if venv_archive:
        job["pythonEnvironment"] = {"venvArchive": venv_archive}
    job.update({key: value for key, value in extra.items() if value is not None})
    return job


@dataclass
class EmrServerless:
    """Which application runs which job, as the pipeline's job request describes it.

    Give the application by ``application_id`` or ``application_name`` (with ``create_application``
    settings when the deployment may create it). Any string may hold ``{{.inputs.<name>}}``: the
    connector puts the task's input there when the task runs.
    """

    job: Dict[str, Any]
    application_id: Optional[str] = None
    application_name: Optional[str] = None
    create_application: Optional[Dict[str, Any]] = None
    execution_role_arn: Optional[str] = None
    configuration_overrides: Optional[Dict[str, Any]] = None
    timeout_minutes: Optional[int] = None
    tags: Dict[str, str] = field(default_factory=dict)
    job_name: Optional[str] = None

    def job_request(self, task_name: str) -> Dict[str, Any]:
        """The job request (camelCase, as the schema spells it); the job name defaults to the task's."""
        application: Dict[str, Any] = {}
        if self.application_id:
            application["id"] = self.application_id
        if self.application_name:
            application["name"] = self.application_name
        if self.create_application:
            application["create"] = dict(self.create_application)
        request: Dict[str, Any] = {
            "name": self.job_name or _job_name(task_name),
            "application": application,
            "job": dict(self.job),
        }
        optional = {
            "executionRoleArn": self.execution_role_arn,
            "configurationOverrides": self.configuration_overrides,
            "timeoutMinutes": self.timeout_minutes,
            "tags": dict(self.tags) or None,
        }
        request.update({key: value for key, value in optional.items() if value is not None})
        return request


def _job_name(task_name: str) -> str:
    """Task names may hold characters the job name pattern does not allow; keep the readable rest."""
    return re.sub(r"[^A-Za-z0-9._/#:-]", "-", task_name)[-128:] or "flyte-task"
