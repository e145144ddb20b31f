package io.emrpipeline.local;

import io.emrpipeline.contract.RepositoryRoot;
import com.fasterxml.jackson.databind.JsonNode;
import io.emrpipeline.core.Json;
import io.emrpipeline.local.emr.JobRunView;
import io.emrpipeline.local.spark.ConsoleRouting;
import io.emrpipeline.local.spark.ExampleUploads;
import io.emrpipeline.local.spark.ExecutionProgress;
import io.emrpipeline.local.spark.RunReport;
import io.emrpipeline.local.spark.S3Location;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * {@code make run}: one job request through the whole local pipeline, with a real local Spark.
 * Starts moto and the gateway, creates the application the request names, uploads the example's
 * files (building its wheel if it has one), starts an execution, prints each job-run state and
 * then the result, and stops everything. Exit status: 0 succeeded, 1 the execution did not
 * succeed, 2 the run could not be set up.
 *
 * <p>Usage: {@code LocalRun <job-request.json>} (relative to the working directory or the repository root).
 */
public final class LocalRun {

    private static final DateTimeFormatter EXECUTION_SUFFIX = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final int SUCCEEDED = 0;
    private static final int DID_NOT_SUCCEED = 1;
    private static final int SETUP_FAILED = 2;
    private static final int INTERRUPTED = 130;

    private final Path repoRoot;
    private final ConsoleRouting routing;
    private final PrintStream out;

    private LocalRun(Path repoRoot, ConsoleRouting routing) {
        this.repoRoot = repoRoot;
        this.routing = routing;
        this.out = routing.console();
    }

    public static void main(String[] args) throws InterruptedException {
        Path repoRoot = RepositoryRoot.find();
        ConsoleRouting routing;
        try {
            routing = ConsoleRouting.toFile(repoRoot.resolve("local/target/local-run/pipeline.log"));
        } catch (IOException e) {
            System.err.println("error: cannot write the local run's log: " + e.getMessage());
            System.exit(SETUP_FAILED);
            return;
        }
        if (args.length != 1) {
            routing.errors().println("usage: LocalRun <job-request.json>   (make run EXAMPLE=examples/.../job-request.json)");
            System.exit(SETUP_FAILED);
        }
        System.exit(new LocalRun(repoRoot, routing).run(args[0]));
    }

    private int run(String requestArgument) throws InterruptedException {
        long started = System.nanoTime();
        JobRequestFile request;
        try {
            request = JobRequestFile.read(requestArgument, repoRoot);
        } catch (IOException | UncheckedIOException e) {
            return setupFailed("cannot read the job request " + requestArgument + ": " + e.getMessage());
        }
        out.println("emr-pipeline local run: " + request.displayPath());
        AtomicBoolean stopped = new AtomicBoolean();
        LocalPipeline pipeline;
        try {
            pipeline = LocalPipeline.start(repoRoot, LocalPipeline.Runner.SPARK_SUBMIT);
        } catch (IOException | IllegalStateException e) {
            return setupFailed("the local pipeline did not start: " + e.getMessage());
        }
        // Ctrl-C: no moto or spark-submit may outlive this process.
        Thread stopOnExit = new Thread(() -> stop(pipeline, stopped), "local-run-stop");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        try {
            out.printf(Locale.ROOT, "  local AWS ready at %s (%.1f s)%n", pipeline.gateway().endpoint(),
                    (System.nanoTime() - started) / 1e9);
            return runExecution(pipeline, request);
        } catch (IOException | IllegalStateException | SdkException e) {
            if (stopped.get()) {
                // The shutdown hook (Ctrl-C) stopped the pipeline under our feet; that is the news, not the error.
                routing.errors().println("stopped before the execution ended");
                return INTERRUPTED;
            }
            return setupFailed(e.getMessage());
        } finally {
            stop(pipeline, stopped);
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
            out.printf(Locale.ROOT, "local pipeline stopped; %.1f s in all%n", (System.nanoTime() - started) / 1e9);
        }
    }

    private int runExecution(LocalPipeline pipeline, JobRequestFile request) throws IOException, InterruptedException {
        JsonNode job = request.json();
        createApplication(pipeline, job.path("application"));
        Path scratch = Files.createTempDirectory(Files.createDirectories(routing.logFile().getParent()), "build-");
        Set<S3Location> uploaded = new HashSet<>(ExampleUploads.upload(job, LocalPipeline.BUCKET, repoRoot,
                pipeline.s3(), scratch));
        uploaded.forEach(location -> out.println("  uploaded " + location));

        String executionName = (job.path("name").asText("job") + "-" + LocalDateTime.now().format(EXECUTION_SUFFIX))
                .replaceAll("[^A-Za-z0-9_-]", "-");
        String executionArn = pipeline.startExecution(executionName, job.toString());
        out.println("  execution " + executionName + " started");
        ExecutionProgress progress = new ExecutionProgress(pipeline, out);
        Duration timeout = Duration.ofMinutes(job.path("timeoutMinutes").asLong(30) + 5);
        DescribeExecutionResponse execution = progress.follow(executionArn, executionName, timeout);

        Optional<JobRunView> run = progress.jobRun();
        // Where the job writes: its arguments, or a flyte job's command.
        List<String> arguments = new ArrayList<>();
        for (String field : List.of("arguments", "command")) {
            job.path("job").path(field).forEach(argument -> arguments.add(argument.asText()));
        }
        new RunReport(pipeline, out).print(execution, run, arguments, uploaded,
                run.flatMap(r -> pipeline.sparkJobs().map(jobs -> repoRoot.relativize(jobs.workDirectory(r.jobRunId())))));
        out.println("  pipeline log: " + repoRoot.relativize(routing.logFile()));
        out.println("  function logs: " + repoRoot.relativize(pipeline.functionLogs()) + "/ (one file per Lambda environment)");
        return execution.status() == ExecutionStatus.SUCCEEDED ? SUCCEEDED : DID_NOT_SUCCEED;
    }

    /** The examples name their application; locally it does not exist until created here. */
    private void createApplication(LocalPipeline pipeline, JsonNode application) {
        if (application.hasNonNull("name") && !application.has("create")) {
            String id = pipeline.createApplication(application.get("name").asText());
            out.println("  application " + application.get("name").asText() + " created: " + id);
        }
    }

    private int setupFailed(String message) {
        routing.errors().println("error: " + message);
        routing.errors().println("  details: " + repoRoot.relativize(routing.logFile()));
        return SETUP_FAILED;
    }

    private static void stop(LocalPipeline pipeline, AtomicBoolean stopped) {
        if (stopped.compareAndSet(false, true)) {
            pipeline.close();
        }
    }

    /** The job request as given on the command line: found relative to the working directory, else the repository. */
    private record JobRequestFile(Path path, String displayPath, JsonNode json) {

        static JobRequestFile read(String argument, Path repoRoot) throws IOException {
            Path given = Path.of(argument);
            Path path = Files.exists(given) || given.isAbsolute() ? given : repoRoot.resolve(given);
            if (!Files.exists(path)) {
                throw new NoSuchFileException(argument + " (looked in the working directory and " + repoRoot + ")");
            }
            Path absolute = path.toAbsolutePath().normalize();
            String display = absolute.startsWith(repoRoot) ? repoRoot.relativize(absolute).toString() : absolute.toString();
            return new JobRequestFile(absolute, display, Json.parse(Files.readAllBytes(absolute)));
        }
    }
}
