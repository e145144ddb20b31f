package io.emrpipeline.cli.commands;

import io.emrpipeline.cli.ExitCode;
import io.emrpipeline.cli.output.ResultPrinter;
import io.emrpipeline.cli.output.Terminal;
import io.emrpipeline.cli.pipeline.ExecutionReport;
import io.emrpipeline.cli.pipeline.Executions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code status EXECUTION}: one execution's report. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"An execution's status, error, job run, cost and log links.",
            "Exit code: 0 succeeded or still running, 1 failed, timed out or aborted."})
public final class StatusCommand extends TargetCommand {

    @Parameters(paramLabel = "EXECUTION", description = "The execution's name (as submit printed it) or ARN.")
    String execution;

    @Override
    int run(Executions executions, Terminal terminal) {
        ExecutionReport report = ExecutionReport.read(executions, executions.describe(executions.arnOf(execution)));
        if (output.json()) {
            terminal.out().println(report.toJson().toPrettyString());
        } else {
            new ResultPrinter(terminal, executions.target()).print(report, terminal.out());
        }
        boolean fine = report.execution().succeeded() || report.execution().running();
        return fine ? ExitCode.OK : ExitCode.JOB_DID_NOT_SUCCEED;
    }
}
