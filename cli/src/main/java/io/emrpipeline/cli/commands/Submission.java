package io.emrpipeline.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.emrpipeline.cli.CliError;
import io.emrpipeline.cli.ExitCode;
import io.emrpipeline.cli.local.LocalExamples;
import io.emrpipeline.cli.output.ProgressPrinter;
import io.emrpipeline.cli.output.ResultPrinter;
import io.emrpipeline.cli.output.Terminal;
import io.emrpipeline.cli.pipeline.DriverLogReader;
import io.emrpipeline.cli.pipeline.ExecutionReport;
import io.emrpipeline.cli.pipeline.ExecutionView;
import io.emrpipeline.cli.pipeline.Executions;
import io.emrpipeline.cli.pipeline.PollSchedule;
import io.emrpipeline.cli.pipeline.Watcher;
import io.emrpipeline.cli.request.OfflineValidation;
import io.emrpipeline.core.Json;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Submit, and with {@code wait} follow to the end: the one code path behind {@code submit} and
 * {@code local run} ({@code make run}). The request is checked offline first, so a bad one
 * starts nothing.
 */
public final class Submission {

    /** How one submission runs. */
    public record Options(Optional<String> name, boolean follow, boolean logs, Optional<Duration> timeout, boolean json) {
    }

    private static final DateTimeFormatter NAME_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final int MAX_NAME = 80;
    /** Waiting gives up this long after the job's own timeout would have ended it. */
    private static final Duration WAIT_MARGIN = Duration.ofMinutes(15);

    private final Executions executions;
    private final Terminal terminal;

    public Submission(Executions executions, Terminal terminal) {
        this.executions = executions;
        this.terminal = terminal;
    }

    public int submit(JsonNode request, String source, Options options) throws InterruptedException {
        List<String> problems = new OfflineValidation().problems(request);
        if (!problems.isEmpty()) {
            throw CliError.badRequest(source + " is not a valid job request (" + problems.size() + " problem"
                    + (problems.size() == 1 ? "" : "s") + "; nothing was started):\n  " + String.join("\n  ", problems),
                    "correct those fields (docs/job-request.md describes each) and submit again");
        }
        // Progress for people goes to stdout; with --output json, stdout holds only the JSON.
        PrintStream progress = options.json() ? terminal.err() : terminal.out();
        executions.target().local().ifPresent(local -> {
            try {
                LocalExamples.upload(request, local.bucket(), executions.aws().s3())
                        .forEach(location -> progress.println("  uploaded " + location));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        String name = options.name().orElseGet(() -> executionName(request));
        String arn = executions.start(name, Json.string(request));
        if (!options.follow()) {
            printStarted(name, arn, options.json());
            return ExitCode.OK;
        }
        progress.println(terminal.bold(name) + " started on " + executions.target().description());
        ProgressPrinter printer = new ProgressPrinter(terminal, progress, Clock.systemDefaultZone());
        AtomicBoolean finished = new AtomicBoolean();
        Thread onInterrupt = new Thread(() -> {
            if (!finished.get()) {
                printer.done();
                terminal.err().println("\nstopped watching; " + name + " goes on: `" + executions.target().command("status", name)
                        + "`, or stop it with `" + executions.target().command("cancel", name) + "`");
            }
        });
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        ExecutionView execution;
        try {
            execution = new Watcher(executions, PollSchedule.forTarget(executions.target().isLocal()))
                    .follow(arn, options.timeout().orElse(waitLimit(request)), printer);
        } finally {
            finished.set(true);
            printer.done();
            removeHook(onInterrupt);
        }
        return finish(ExecutionReport.read(executions, execution), options);
    }

    private int finish(ExecutionReport report, Options options) {
        Optional<String> log = options.logs() ? driverLog(report) : Optional.empty();
        if (options.json()) {
            ObjectNode json = report.toJson();
            log.ifPresent(text -> json.put(report.execution().succeeded() ? "driverStdout" : "driverStderr", text));
            terminal.out().println(json.toPrettyString());
        } else {
            terminal.out().println();
            new ResultPrinter(terminal, executions.target()).print(report, terminal.out());
            log.ifPresent(text -> {
                terminal.out().println();
                terminal.out().println(terminal.dim("── driver " + (report.execution().succeeded() ? "stdout" : "stderr") + " ──"));
                terminal.out().print(text.endsWith("\n") || text.isEmpty() ? text : text + "\n");
            });
        }
        return report.execution().succeeded() ? ExitCode.OK : ExitCode.JOB_DID_NOT_SUCCEED;
    }

    /** The driver's stdout after a success, its stderr after anything else (where the error is). */
    private Optional<String> driverLog(ExecutionReport report) {
        if (report.ref().isEmpty()) {
            return Optional.empty();
        }
        var run = executions.jobRun(report.ref().get());
        int attempt = run.attempt() == null ? 1 : run.attempt();
        String location = DriverLogReader.location(run, attempt, !report.execution().succeeded());
        return new DriverLogReader(executions).read(location);
    }

    private void printStarted(String name, String arn, boolean json) {
        if (json) {
            terminal.out().println(Json.object().put("name", name).put("executionArn", arn).toPrettyString());
            return;
        }
        terminal.out().println(terminal.bold(name) + " started");
        terminal.out().println("  execution  " + arn);
        terminal.out().println("  follow it  " + terminal.dim(executions.target().command("status", name)));
        terminal.out().println("  stop it    " + terminal.dim(executions.target().command("cancel", name)));
    }

    /** {@code <request name>-<yyyyMMdd-HHmmss>-<4 hex>}: readable, sortable, unique per submit. */
    static String executionName(JsonNode request) {
        String suffix = "-" + LocalDateTime.now().format(NAME_TIME) + "-"
                + String.format("%04x", ThreadLocalRandom.current().nextInt(0x10000));
        String base = request.path("name").asText("job").replaceAll("[^A-Za-z0-9_-]", "-");
        return base.substring(0, Math.min(base.length(), MAX_NAME - suffix.length())) + suffix;
    }

    private static Duration waitLimit(JsonNode request) {
        long minutes = request.path("timeoutMinutes").asLong(12 * 60);
        return Duration.ofMinutes(minutes).plus(WAIT_MARGIN);
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is already exiting (Ctrl-C): the hook runs, and says so only if still waiting.
            return;
        }
    }
}
