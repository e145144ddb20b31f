package io.emrpipeline.cli.commands;

import io.emrpipeline.cli.CliError;
import io.emrpipeline.cli.ExitCode;
import io.emrpipeline.cli.output.Terminal;
import io.emrpipeline.cli.pipeline.DriverLogReader;
import io.emrpipeline.cli.pipeline.Executions;
import io.emrpipeline.cli.pipeline.JobRunRef;
import io.emrpipeline.cli.pipeline.PollSchedule;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import software.amazon.awssdk.services.emrserverless.model.JobRun;

/** {@code logs EXECUTION [--stderr] [--follow] [--attempt N]}: the driver's log, decompressed. */
@Command(name = "logs", mixinStandardHelpOptions = true,
        description = {"The Spark driver's stdout (or --stderr) of an execution's job run, from its S3 log URI, decompressed.",
            "A retried job run has one log per attempt: all are printed, each under a header, unless --attempt is given."})
public final class LogsCommand extends TargetCommand {

    @Parameters(paramLabel = "EXECUTION", description = "The execution's name or ARN.")
    String execution;

    @Option(names = "--stderr", description = "The driver's stderr (Spark's own log and Python tracebacks) instead of stdout.")
    boolean stderr;

    @Option(names = "--follow", description = "Keep printing what the driver writes until the job run ends.")
    boolean follow;

    @Option(names = "--attempt", paramLabel = "N", description = "Only this attempt (from 1).")
    Integer attempt;

    @Override
    int run(Executions executions, Terminal terminal) throws InterruptedException {
        String arn = executions.arnOf(execution);
        executions.describe(arn);
        JobRunRef ref = executions.jobRunOf(arn).orElseThrow(() -> CliError.badRequest(execution + " has not started a job run",
                "it may still be submitting (`emr-pipeline status " + execution + "`), or it failed before submitting"));
        JobRun run = executions.jobRun(ref);
        int attempts = run.attempt() == null ? 1 : run.attempt();
        if (attempt != null && (attempt < 1 || attempt > attempts)) {
            throw CliError.badRequest("--attempt " + attempt + ": job run " + run.jobRunId() + " has " + attempts
                    + " attempt" + (attempts == 1 ? "" : "s"), "use a number from 1 to " + attempts);
        }
        DriverLogReader reader = new DriverLogReader(executions);
        if (follow) {
            return follow(executions, reader, ref, terminal);
        }
        int first = attempt != null ? attempt : 1;
        int last = attempt != null ? attempt : attempts;
        for (int n = first; n <= last; n++) {
            String location = DriverLogReader.location(run, n, stderr);
            if (last > first) {
                terminal.out().println(terminal.dim("==> attempt " + n + ": " + location + " <=="));
            }
            Optional<String> text = reader.read(location);
            if (text.isEmpty()) {
                throw CliError.badRequest("no driver log at " + location + " (job run " + run.jobRunId() + " is "
                        + run.stateAsString() + ")", Watch.terminal(run.stateAsString())
                        ? "the driver never started (see `emr-pipeline status " + execution + "`)"
                        : "EMR writes it once the driver runs: try again, or add --follow");
            }
            print(terminal, text.get());
        }
        return ExitCode.OK;
    }

    /** Prints the latest attempt's log as it grows; ends once the run has ended and its final log is printed. */
    private int follow(Executions executions, DriverLogReader reader, JobRunRef ref, Terminal terminal) throws InterruptedException {
        PollSchedule schedule = executions.target().isLocal()
                ? new PollSchedule(Duration.ofMillis(500), Duration.ofMillis(500), 1)
                : new PollSchedule(Duration.ofSeconds(5), Duration.ofSeconds(15), 1.2);
        int printed = 0;
        int shownAttempt = 0;
        while (true) {
            JobRun run = executions.jobRun(ref);
            int current = run.attempt() == null ? 1 : run.attempt();
            if (current != shownAttempt) {
                shownAttempt = current;
                printed = 0;
                if (current > 1) {
                    terminal.out().println(terminal.dim("==> attempt " + current + " <=="));
                }
            }
            boolean ended = Watch.terminal(run.stateAsString());
            Optional<String> text = reader.read(DriverLogReader.location(run, current, stderr));
            if (text.isPresent()) {
                // A log rewritten shorter (a new upload) is printed again from its start.
                String all = text.get();
                int from = all.length() >= printed ? printed : 0;
                terminal.out().print(all.substring(from));
                terminal.out().flush();
                printed = all.length();
            }
            if (ended) {
                return ExitCode.OK;
            }
            Thread.sleep(schedule.next().toMillis());
        }
    }

    private static void print(Terminal terminal, String text) {
        terminal.out().print(text.endsWith("\n") || text.isEmpty() ? text : text + "\n");
    }
}
