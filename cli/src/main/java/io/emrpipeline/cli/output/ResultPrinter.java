package io.emrpipeline.cli.output;

import com.fasterxml.jackson.databind.JsonNode;
import io.emrpipeline.cli.pipeline.ExecutionReport;
import io.emrpipeline.cli.pipeline.ExecutionView;
import io.emrpipeline.cli.targets.Target;
import java.io.PrintStream;
import java.time.Instant;

/**
 * An execution's report for people: status and name on the first line, then one labelled line
 * per fact (error and cause, the job run, what it cost, where its logs are) and the commands
 * that go further (the driver's logs, a fresh Spark UI link).
 */
public final class ResultPrinter {

    private static final int LABEL_WIDTH = 16;

    private final Terminal terminal;
    private final Target target;

    public ResultPrinter(Terminal terminal, Target target) {
        this.terminal = terminal;
        this.target = target;
    }

    public void print(ExecutionReport report, PrintStream out) {
        ExecutionView execution = report.execution();
        out.println(terminal.status(execution.status()) + "  " + terminal.bold(execution.name()) + "  ("
                + Formats.duration(execution.duration(Instant.now())) + (execution.running() ? " so far" : "") + ")");
        execution.errorName().ifPresent(error -> field(out, "error", terminal.red(error)));
        if (execution.cause() != null && !execution.cause().isBlank()) {
            field(out, "cause", execution.cause().strip().replace("\n", "\n" + " ".repeat(LABEL_WIDTH + 2)));
        }
        JsonNode run = report.jobRun();
        if (run != null) {
            field(out, "job run", run.path("jobRunId").asText() + "  " + terminal.status(run.path("state").asText())
                    + ", attempt " + run.path("attempt").asInt(1) + ", application " + run.path("applicationId").asText());
            if (run.hasNonNull("totalExecutionDurationSeconds")) {
                field(out, "ran", run.get("totalExecutionDurationSeconds").asLong() + " s");
            }
            if (run.hasNonNull("billedResourceUtilization")) {
                field(out, "billed", Formats.billed(run.get("billedResourceUtilization")));
                field(out, "estimated cost", Formats.usd(report.estimatedUsd()) + "  (" + Formats.PRICE_BASIS + ")");
            }
        } else if (!execution.running()) {
            field(out, "job run", "none was started");
        }
        report.link("driverStdout").ifPresent(link -> field(out, "driver stdout", link));
        report.link("driverStderr").ifPresent(link -> field(out, "driver stderr", link));
        report.link("driverLogsS3").ifPresent(link -> field(out, "logs in S3", link));
        report.link("cloudWatchLogs").ifPresent(link -> field(out, "CloudWatch", link));
        if (!target.isLocal()) {
            report.link("emrConsole").ifPresent(link -> field(out, "EMR console", link));
            report.link("stepFunctionsExecution").ifPresent(link -> field(out, "Step Functions", link));
        }
        if (run != null) {
            boolean failed = !execution.succeeded() && !execution.running();
            field(out, "driver's log", terminal.dim(target.command("logs", execution.name() + (failed ? " --stderr" : ""))));
            if (!target.isLocal()) {
                field(out, "Spark UI", terminal.dim(target.command("ui", execution.name())));
            }
        }
    }

    private static void field(PrintStream out, String label, String value) {
        out.println("  " + label + " ".repeat(Math.max(1, LABEL_WIDTH - label.length())) + value);
    }
}
