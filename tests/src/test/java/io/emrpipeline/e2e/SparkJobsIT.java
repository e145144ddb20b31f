package io.emrpipeline.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.emrpipeline.core.Json;
import io.emrpipeline.contract.RepositoryRoot;
import io.emrpipeline.local.LocalPipeline;
import io.emrpipeline.local.emr.JobRunState;
import io.emrpipeline.local.emr.JobRunView;
import io.emrpipeline.local.spark.SparkSubmitJobRunner;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * Real PySpark jobs through the whole local pipeline: the job runs in a local spark-submit, and
 * its success, failure or cancellation is what the execution reports. Its own pipeline, since
 * the shared one simulates jobs.
 */
class SparkJobsIT extends SparkPipelineScenarios {

    private static final String BUCKET = LocalPipeline.BUCKET;
    private static final Duration JOB_TIMEOUT = Duration.ofMinutes(2);

    @Test
    void aPySparkJobWritesItsOutputToS3AndItsDriverLogsWhereTheLinksPoint() throws Exception {
        Path wordcount = RepositoryRoot.find().resolve("examples/wordcount");
        put("jobs/wordcount.py", RequestBody.fromFile(wordcount.resolve("wordcount.py")));
        put("data/input.txt", RequestBody.fromFile(wordcount.resolve("input.txt")));
        ObjectNode request = scriptJob("s3://" + BUCKET + "/jobs/wordcount.py",
                "s3://" + BUCKET + "/data/input.txt", "s3://" + BUCKET + "/output/wordcount/");

        DescribeExecutionResponse execution = run("wordcount", request);

        assertEquals(ExecutionStatus.SUCCEEDED, execution.status(), () -> Scenarios.describe(execution));
        List<String> output = keysUnder("output/wordcount/");
        assertTrue(output.contains("output/wordcount/_SUCCESS"), output::toString);
        String part = output.stream().filter(key -> key.endsWith(".csv")).findFirst().orElseThrow();
        String counts = pipeline.s3().getObjectAsBytes(r -> r.bucket(BUCKET).key(part)).asUtf8String();
        assertTrue(counts.startsWith("word,count\nthe,"), counts);

        JsonNode links = Json.MAPPER.readTree(execution.output()).path("links");
        String stderr = gunzip(httpGet(links.path("driverStderr").asText()));
        assertTrue(stderr.contains("Running Spark version"), "Spark's log is in stderr.gz");
        httpGet(links.path("driverStdout").asText());
    }

    @Test
    void aJobThatRaisesFailsTheExecutionWithThePythonError() throws Exception {
        put("jobs/fails.py", RequestBody.fromBytes(resource("fails.py")));

        DescribeExecutionResponse execution = run("fails", scriptJob("s3://" + BUCKET + "/jobs/fails.py"));

        assertEquals(ExecutionStatus.FAILED, execution.status());
        assertEquals("EmrJobFailed", execution.error(), () -> Scenarios.describe(execution));
        assertTrue(execution.cause().contains("ExitCode: 1"), execution.cause());
        assertTrue(execution.cause().contains("ZeroDivisionError: division by zero"), execution.cause());
    }

    @Test
    void stoppingTheExecutionKillsTheSparkProcessesAndCancelsTheJob() throws Exception {
        put("jobs/sleeps.py", RequestBody.fromBytes(resource("sleeps.py")));
        String executionArn = pipeline.startExecution("sleeps", scriptJob("s3://" + BUCKET + "/jobs/sleeps.py").toString());
        JobRunView run = Scenarios.awaitJobRunState(pipeline, JobRunState.RUNNING);
        List<ProcessHandle> processes = awaitSleepingWorker(run.jobRunId());

        pipeline.sfn().stopExecution(r -> r.executionArn(executionArn).error("UserAborted").cause("test"));

        Scenarios.awaitJobRunState(pipeline, JobRunState.CANCELLED);
        for (ProcessHandle process : processes) {
            process.onExit().get(10, TimeUnit.SECONDS);
            assertFalse(process.isAlive(), () -> "still running: " + process.info());
        }
        DescribeExecutionResponse execution = pipeline.awaitExecution(executionArn, JOB_TIMEOUT);
        assertEquals(ExecutionStatus.ABORTED, execution.status(), () -> Scenarios.describe(execution));
    }

    /** The run's process tree once a PySpark worker is in the job's sleep (so there is a tree to kill). */
    private static List<ProcessHandle> awaitSleepingWorker(String jobRunId) throws InterruptedException {
        SparkSubmitJobRunner runner = pipeline.sparkJobs().orElseThrow();
        Instant deadline = Instant.now().plus(JOB_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            var process = runner.process(jobRunId);
            if (process.isPresent()) {
                List<ProcessHandle> tree = Stream.concat(Stream.of(process.get()), process.get().descendants()).toList();
                if (tree.stream().anyMatch(p -> p.info().commandLine().orElse("").contains("pyspark.daemon"))) {
                    return tree;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no PySpark worker started for " + jobRunId);
    }

    private DescribeExecutionResponse run(String name, ObjectNode request) throws InterruptedException {
        String executionArn = pipeline.startExecution(name, request.toString());
        return pipeline.awaitExecution(executionArn, JOB_TIMEOUT);
    }

    private ObjectNode scriptJob(String entryPoint, String... arguments) {
        ObjectNode request = Json.object().put("name", "spark-job");
        request.putObject("application").put("id", applicationId);
        ObjectNode job = request.putObject("job").put("mode", "script").put("entryPoint", entryPoint);
        var args = job.putArray("arguments");
        List.of(arguments).forEach(args::add);
        request.put("timeoutMinutes", 10);
        return request;
    }

    private static void put(String key, RequestBody body) {
        pipeline.s3().putObject(r -> r.bucket(BUCKET).key(key), body);
    }

    private static List<String> keysUnder(String prefix) {
        return pipeline.s3().listObjectsV2(r -> r.bucket(BUCKET).prefix(prefix)).contents().stream()
                .map(S3Object::key).toList();
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = SparkJobsIT.class.getResourceAsStream("/spark-jobs/" + name)) {
            return in.readAllBytes();
        }
    }

    /** A result link, fetched as a person would follow it (the gateway serves moto's objects). */
    private static byte[] httpGet(String link) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(link)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode(), () -> link + " answered " + response.statusCode());
        return response.body();
    }

    private static String gunzip(byte[] gzipped) throws IOException {
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(gzipped))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
