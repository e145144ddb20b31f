package io.emrpipeline.cli.commands;

import io.emrpipeline.cli.CliError;
import io.emrpipeline.cli.ExitCode;
import io.emrpipeline.cli.output.Terminal;
import io.emrpipeline.cli.pipeline.AwsErrors;
import io.emrpipeline.cli.pipeline.Executions;
import io.emrpipeline.cli.pipeline.JobRunRef;
import io.emrpipeline.core.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code ui EXECUTION}: a fresh Spark UI link (GetDashboardForJobRun). EMR's link works once and
 * expires within the hour, so none is ever stored in a result: ask for one when you open it.
 */
@Command(name = "ui", mixinStandardHelpOptions = true,
        description = {"A fresh Spark UI link for an execution's job run (GetDashboardForJobRun).",
            "The link works once and expires within an hour: open it now, ask again later."})
public final class UiCommand extends TargetCommand {

    @Parameters(paramLabel = "EXECUTION", description = "The execution's name or ARN.")
    String execution;

    @Override
    int run(Executions executions, Terminal terminal) {
        String arn = executions.arnOf(execution);
        executions.describe(arn);
        JobRunRef ref = executions.jobRunOf(arn).orElseThrow(() -> CliError.badRequest(execution + " has not started a job run",
                "the Spark UI exists once the job run does (`emr-pipeline status " + execution + "`)"));
        if (executions.target().isLocal()) {
            throw CliError.badRequest("the local pipeline has no Spark UI (EMR Serverless hosts it)",
                    "read the driver's logs: `" + executions.target().command("logs", execution + " --stderr") + "`");
        }
        String url = AwsErrors.call(executions.target(), "GetDashboardForJobRun", () -> executions.aws().emr()
                .getDashboardForJobRun(r -> r.applicationId(ref.applicationId()).jobRunId(ref.jobRunId())).url());
        if (output.json()) {
            terminal.out().println(Json.object().put("url", url).put("jobRunId", ref.jobRunId()).toPrettyString());
        } else {
            terminal.out().println(url);
            terminal.err().println(terminal.dim("(works once, expires within an hour)"));
        }
        return ExitCode.OK;
    }
}
