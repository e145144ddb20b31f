package io.emrpipeline.cli.commands;

import io.emrpipeline.cli.CliError;
import io.emrpipeline.cli.ExitCode;
import io.emrpipeline.cli.output.Terminal;
import io.emrpipeline.cli.pipeline.ExecutionView;
import io.emrpipeline.cli.pipeline.Executions;
import io.emrpipeline.cli.pipeline.JobRunRef;
import io.emrpipeline.cli.pipeline.PollSchedule;
import io.emrpipeline.core.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cancel EXECUTION}: stops the execution; the pipeline's CancelOnAbort rule then cancels the
 * job run (no job outlives its execution). Waits until EMR reports the job run ended, unless told not to.
 */
@Command(name = "cancel", mixinStandardHelpOptions = true,
        description = {"Stop an execution; the pipeline cancels its job run. Waits until the job run has ended.",
            "Exit code: 0 stopped (and the job run ended), 2 no such execution or it had already ended."})
public final class CancelCommand extends TargetCommand {

    static final String ERROR = "CancelledByUser";
    private static final Duration JOB_END_LIMIT = Duration.ofMinutes(5);

    @Parameters(paramLabel = "EXECUTION", description = "The execution's name or ARN.")
    String execution;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why, recorded as the execution's cause.")
    String reason;

    @Option(names = "--no-wait", description = "Return once the execution is stopped, without waiting for the job run to end.")
    boolean noWait;

    @Override
    int run(Executions executions, Terminal terminal) throws InterruptedException {
        String arn = executions.arnOf(execution);
        ExecutionView view = executions.describe(arn);
        if (!view.running()) {
            throw CliError.badRequest(view.name() + " already ended " + view.status() + "; nothing to cancel",
                    "see it with `" + executions.target().command("status", view.name()) + "`");
        }
        String user = System.getProperty("user.name", "someone");
        executions.stop(arn, ERROR, reason != null ? reason : "cancelled by " + user + " with emr-pipeline cancel");
        Optional<JobRunRef> ref = executions.jobRunOf(arn);
        Optional<String> state = noWait || ref.isEmpty() ? Optional.empty() : awaitJobEnd(executions, ref.get());
        if (output.json()) {
            var json = Json.object().put("name", view.name()).put("executionArn", arn).put("stopped", true);
            ref.ifPresent(r -> json.putObject("jobRun").put("applicationId", r.applicationId()).put("jobRunId", r.jobRunId())
                    .put("state", state.orElse(null)));
            terminal.out().println(json.toPrettyString());
            return ExitCode.OK;
        }
        terminal.out().println("stopped " + terminal.bold(view.name()));
        if (ref.isEmpty()) {
            terminal.out().println("  no job run had started; the pipeline cancels one if its submit was under way");
        } else if (state.isPresent()) {
            terminal.out().println("  job run " + ref.get().jobRunId() + " " + terminal.status(state.get()));
        } else {
            terminal.out().println("  job run " + ref.get().jobRunId() + " is being cancelled");
        }
        return ExitCode.OK;
    }

    private static Optional<String> awaitJobEnd(Executions executions, JobRunRef ref) throws InterruptedException {
        Instant deadline = Instant.now().plus(JOB_END_LIMIT);
        PollSchedule schedule = PollSchedule.forTarget(executions.target().isLocal());
        while (Instant.now().isBefore(deadline)) {
            String state = executions.jobRun(ref).stateAsString();
            if (Watch.terminal(state)) {
                return Optional.of(state);
            }
            Thread.sleep(schedule.next().toMillis());
        }
        return Optional.empty();
    }
}
