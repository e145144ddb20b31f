package io.emrpipeline.local.spark;

import io.emrpipeline.core.JobRunKey;
import io.emrpipeline.core.Links;
import io.emrpipeline.local.LocalGateway;
import io.emrpipeline.local.LocalPipeline;
import io.emrpipeline.local.emr.JobRunView;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import software.amazon.awssdk.services.emrserverless.model.JobRun;
import software.amazon.awssdk.services.emrserverless.model.ResourceUtilization;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * The end of a local run, for a person: how the execution ended, the job run and what it cost,
 * where its output is (with its first lines) and where its driver logs are.
 */
public final class RunReport {

    private static final int PREVIEW_LINES = 6;
    private static final int PREVIEW_WIDTH = 100;

    private final LocalPipeline pipeline;
    private final PrintStream out;

    public RunReport(LocalPipeline pipeline, PrintStream out) {
        this.pipeline = pipeline;
        this.out = out;
    }

    /**
     * @param inputs the objects uploaded for the job: an argument naming one of them is not an output
     * @param workDirectory where the runner kept the driver's stdout.log and stderr.log
     */
    public void print(DescribeExecutionResponse execution, Optional<JobRunView> run, List<String> jobArguments,
            Set<S3Location> inputs, Optional<Path> workDirectory) {
        Duration took = Duration.between(execution.startDate(), execution.stopDate());
        out.println();
        if (execution.status() == ExecutionStatus.SUCCEEDED) {
            out.printf(Locale.ROOT, "SUCCEEDED in %.1f s%n", took.toMillis() / 1000.0);
        } else {
            out.printf(Locale.ROOT, "%s in %.1f s: %s%n", execution.status(), took.toMillis() / 1000.0, execution.error());
            out.println("  " + String.valueOf(execution.cause()).replace("\n", "\n  "));
        }
        if (run.isEmpty()) {
            return;
        }
        JobRun jobRun = pipeline.emr().getJobRun(r -> r.applicationId(run.get().applicationId())
                .jobRunId(run.get().jobRunId())).jobRun();
        field("job run", jobRun.jobRunId() + " (" + jobRun.stateAsString() + ", application " + jobRun.applicationId() + ")");
        field("duration", jobRun.totalExecutionDurationSeconds() + " s running; billed " + billed(jobRun.billedResourceUtilization()));
        if (execution.status() == ExecutionStatus.SUCCEEDED) {
            // Whole arguments and URIs inside them (a Kedro run's --params k=s3://…,k2=s3://…).
            LocalS3Paths.find(jobArguments).stream()
                    .filter(location -> !inputs.contains(location))
                    .forEach(this::printOutput);
        }
        printLogs(run.get(), execution.executionArn(), workDirectory);
    }

    /** What the job wrote under the location: one entry per dataset (a folder of part files) below it. */
    private void printOutput(S3Location location) {
        List<S3Object> objects = pipeline.s3().listObjectsV2(r -> r.bucket(location.bucket()).prefix(location.key()))
                .contents();
        Map<String, List<S3Object>> datasets = new TreeMap<>();
        for (S3Object object : objects) {
            datasets.computeIfAbsent(datasetOf(location, object.key()), key -> new ArrayList<>()).add(object);
        }
        datasets.forEach((prefix, files) -> {
            field("output", new S3Location(location.bucket(), prefix) + " (" + files.size() + " objects)");
            files.stream()
                    .filter(object -> object.size() > 0)
                    .filter(object -> !fileName(object.key()).startsWith("_") && !fileName(object.key()).startsWith("."))
                    .min(Comparator.comparing(S3Object::key))
                    .ifPresent(first -> preview(location.bucket(), first.key()));
        });
    }

    /** The location itself when the object lies directly in it, else its first folder below the location. */
    private static String datasetOf(S3Location location, String key) {
        if (!key.startsWith(location.prefix())) {
            return location.key();
        }
        int slash = key.indexOf('/', location.prefix().length());
        return slash < 0 ? location.key() : key.substring(0, slash + 1);
    }

    private void preview(String bucket, String key) {
        field("", fileName(key) + ":");
        String text = pipeline.s3().getObjectAsBytes(r -> r.bucket(bucket).key(key)).asUtf8String();
        text.lines().limit(PREVIEW_LINES).forEach(line -> field("", "  " + shorten(line)));
    }

    private void printLogs(JobRunView run, String executionArn, Optional<Path> workDirectory) {
        String logUri = run.request().path("configurationOverrides").path("monitoringConfiguration")
                .path("s3MonitoringConfiguration").path("logUri").asText(null);
        var links = new Links(LocalGateway.REGION, Optional.of(pipeline.gateway().endpoint().toString()))
                .forJobRun(new JobRunKey(run.applicationId(), run.jobRunId()), logUri, null, executionArn);
        if (links.has("driverStdout")) {
            field("driver logs", links.path("driverStdout").asText());
            field("", links.path("driverStderr").asText());
            field("", "(those links work while the local pipeline runs)");
        }
        workDirectory.ifPresent(dir -> field(links.has("driverStdout") ? "" : "driver logs",
                "local copies: " + dir.resolve("stdout.log") + ", stderr.log"));
    }

    private static String billed(ResourceUtilization billed) {
        if (billed == null) {
            return "nothing";
        }
        return String.format(Locale.ROOT, "%.3f vCPU-h, %.3f GB-h memory (as EMR Serverless would bill it)",
                billed.vcpuHour(), billed.memoryGBHour());
    }

    private void field(String name, String value) {
        out.printf("  %-12s %s%n", name, value);
    }

    private static String fileName(String key) {
        return key.substring(key.lastIndexOf('/') + 1);
    }

    private static String shorten(String line) {
        return line.length() <= PREVIEW_WIDTH ? line : line.substring(0, PREVIEW_WIDTH - 1) + "…";
    }
}
