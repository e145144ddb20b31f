package io.emrpipeline.local.spark;

import io.emrpipeline.local.emr.JobOutcome;
import io.emrpipeline.local.emr.JobRunSpec;
import io.emrpipeline.local.emr.JobRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Runs each job run for real with a local {@code spark-submit} (PySpark from the project venv),
 * so the job run is RUNNING while the process runs, SUCCESS when it exits 0, FAILED (with the
 * driver's last exceptions as stateDetails) otherwise, and CANCELLED when CancelJobRun
 * interrupts it: then the whole process tree is ended before the interrupt is passed on.
 *
 * <h2>S3, mapped to files</h2>
 * S3 lives in moto, which a local Spark cannot read, so each run gets a work directory
 * {@code <workRoot>/<jobRunId>/} and S3 is mirrored under its {@code s3/} folder:
 * {@code s3://bucket/key} is {@code <work>/s3/bucket/key}.
 * <ol>
 *   <li>Before the run, every S3 URI the job mentions — the entry point, any argument (the
 *       bootstrap's {@code --package} and {@code --bundle} too), anywhere in sparkSubmitParameters
 *       ({@code spark.submit.pyFiles}, {@code spark.archives}, {@code --files}, …) — is looked up:
 *       an object is downloaded to its file, a prefix to the files under it. A URI that holds
 *       nothing yet (an output) gets its parent directory, nothing more. A bare {@code s3://bucket/}
 *       is never downloaded.</li>
 *   <li>Every such URI in the entry point, arguments and parameters is replaced by its local path
 *       (a trailing {@code /} is kept), so the job reads and writes files.</li>
 *   <li>The job's archives ({@code spark.archives}) are unpacked into the work directory under their
 *       {@code #alias}, which is the driver's working directory, and a {@code PYSPARK_PYTHON} inside one
 *       of them runs driver and workers (a venv archive; see {@link DriverArchives}, {@link JobPython}).</li>
 *   <li>After the process ends — success, failure or cancel — every file under {@code <work>/s3/}
 *       that is new or changed is uploaded to the matching bucket and key, and objects whose
 *       downloaded files the job deleted are deleted (Spark's overwrite mode). So an output
 *       prefix holds what the job wrote, even when it failed halfway. Hadoop's {@code .*.crc}
 *       checksum files stay local.</li>
 * </ol>
 * The job's own AWS calls (boto3) reach the same local endpoint through {@code AWS_ENDPOINT_URL}.
 *
 * <h2>Logs</h2>
 * The process's stdout (which holds the Python driver's stdout <em>and</em> stderr) and stderr
 * (Spark's log) are written to {@code <work>/stdout.log} and {@code stderr.log}, then uploaded
 * gzip-compressed to {@code <logUri>/applications/<app>/jobs/<run>/SPARK_DRIVER/std{out,err}.gz}.
 * Work directories are kept for inspection; they live under the build's {@code target/}.
 *
 * <p>What of sparkSubmitParameters applies locally is described in {@link SparkSubmitParameters}.
 */
public final class SparkSubmitJobRunner implements JobRunner, AutoCloseable {

    private static final System.Logger LOG = System.getLogger(SparkSubmitJobRunner.class.getName());

    private final SparkInstall spark;
    private final S3Client s3;
    private final URI awsEndpoint;
    private final String region;
    private final Path workRoot;
    private final Map<String, DriverProcess> running = new ConcurrentHashMap<>();

    /**
     * @param sparkSubmit the venv's {@code spark-submit}; the {@code python} beside it runs driver and workers
     *     (unless the job brings its own in a venv archive)
     * @param s3 a client for the local S3 (moto, directly or through the gateway), path-style
     * @param awsEndpoint the endpoint the job's own AWS calls should use
     * @param workRoot where the runs' work directories are created
     */
    public SparkSubmitJobRunner(Path sparkSubmit, S3Client s3, URI awsEndpoint, String region, Path workRoot) {
        try {
            this.spark = SparkInstall.inVenvOf(sparkSubmit);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.s3 = s3;
        this.awsEndpoint = awsEndpoint;
        this.region = region;
        this.workRoot = workRoot.toAbsolutePath();
    }

    @Override
    public JobOutcome run(JobRunSpec spec) throws InterruptedException {
        RunFiles files;
        S3Mirror mirror;
        DriverProcess process;
        try {
            files = RunFiles.create(workRoot, spec.jobRunId());
            mirror = new S3Mirror(s3, files.s3());
            SparkSubmitCommand command = prepare(spec, files, mirror);
            LOG.log(System.Logger.Level.INFO, "job run " + spec.jobRunId() + ": " + String.join(" ", command.command()));
            process = DriverProcess.start(command.command(), command.environment(), files.directory(),
                    files.stdout(), files.stderr());
        } catch (InvalidSparkSubmitParameters e) {
            return JobOutcome.failure("Invalid sparkSubmitParameters: " + e.getMessage());
        } catch (IllegalArgumentException | IOException | UncheckedIOException | SdkException e) {
            return JobOutcome.failure("The local runner could not start the job: " + e.getMessage());
        }
        running.put(spec.jobRunId(), process);
        int exitCode;
        try {
            exitCode = process.waitFor();
        } catch (InterruptedException e) {
            publish(spec, files, mirror);
            throw e;
        } finally {
            running.remove(spec.jobRunId());
        }
        Optional<String> publishProblem = publish(spec, files, mirror);
        if (exitCode != 0) {
            return JobOutcome.failure(FailureSummary.stateDetails(exitCode, files.stdoutTail(), files.stderrTail()));
        }
        return publishProblem.map(problem -> JobOutcome.failure("Job finished, but its output could not be written to S3: "
                + problem)).orElse(JobOutcome.success());
    }

    /** The spark-submit process of a job run while it runs (tests check that a cancel really ends it). */
    public Optional<ProcessHandle> process(String jobRunId) {
        return Optional.ofNullable(running.get(jobRunId)).map(DriverProcess::handle);
    }

    /** Where a run's files are: S3 mirror, driver stdout and stderr. */
    public Path workDirectory(String jobRunId) {
        return workRoot.resolve(jobRunId);
    }

    private SparkSubmitCommand prepare(JobRunSpec spec, RunFiles files, S3Mirror mirror)
            throws IOException, InterruptedException {
        if (spec.entryPoint() == null) {
            throw new IllegalArgumentException("it runs sparkSubmit job drivers only, and this job run has no entryPoint");
        }
        SparkSubmitParameters parameters = SparkSubmitParameters.parse(spec.sparkSubmitParameters());
        List<String> texts = new ArrayList<>();
        texts.add(spec.entryPoint());
        texts.addAll(spec.entryPointArguments());
        texts.addAll(parameters.options());
        texts.addAll(parameters.driverEnvironment().values());
        mirror.download(LocalS3Paths.find(texts));
        LocalS3Paths paths = files.s3();
        List<String> options = paths.rewrite(parameters.options());
        Set<String> archives = DriverArchives.unpack(options, files.directory());
        List<String> notApplied = new ArrayList<>(parameters.dropped());
        JobPython python = JobPython.choose(parameters.python(), archives, files.directory(),
                spark.python(), notApplied);
        SparkSubmitParameters local = new SparkSubmitParameters(options,
                Map.copyOf(rewriteValues(paths, parameters.driverEnvironment())), parameters.driverJavaOptions(),
                parameters.python(), List.copyOf(notApplied));
        if (!notApplied.isEmpty()) {
            LOG.log(System.Logger.Level.INFO, "job run " + spec.jobRunId() + ": not applied locally: " + notApplied);
        }
        return SparkSubmitCommand.of(spark, files.directory(), awsEndpoint, region,
                paths.rewrite(spec.entryPoint()), paths.rewrite(spec.entryPointArguments()), local, python,
                System.getenv());
    }

    private static Map<String, String> rewriteValues(LocalS3Paths paths, Map<String, String> values) {
        Map<String, String> rewritten = new HashMap<>();
        values.forEach((key, value) -> rewritten.put(key, paths.rewrite(value)));
        return rewritten;
    }

    /** Outputs and driver logs to S3, best effort: a problem is reported, never thrown. */
    private Optional<String> publish(JobRunSpec spec, RunFiles files, S3Mirror mirror) {
        Optional<String> problem = Optional.empty();
        try {
            S3Mirror.Published published = mirror.publishChanges();
            LOG.log(System.Logger.Level.INFO, "job run " + spec.jobRunId() + ": uploaded " + published.uploaded()
                    + ", deleted " + published.deleted());
        } catch (IOException | UncheckedIOException | SdkException e) {
            problem = Optional.of(e.getMessage());
            LOG.log(System.Logger.Level.WARNING, "job run " + spec.jobRunId() + ": outputs not uploaded", e);
        }
        try {
            DriverLogs.upload(s3, spec, files.stdout(), files.stderr());
        } catch (IOException | SdkException e) {
            LOG.log(System.Logger.Level.WARNING, "job run " + spec.jobRunId() + ": driver logs not uploaded", e);
        }
        return problem;
    }

    /** Ends every run still going (the local pipeline is shutting down); waits until they are gone. */
    @Override
    public void close() {
        running.values().forEach(DriverProcess::destroyTree);
    }
}
