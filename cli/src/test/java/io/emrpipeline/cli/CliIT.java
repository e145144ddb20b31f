package io.emrpipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.emrpipeline.cli.targets.LocalEndpoint;
import io.emrpipeline.contract.RepositoryRoot;
import io.emrpipeline.core.Json;
import io.emrpipeline.local.LocalGateway;
import io.emrpipeline.local.LocalPipeline;
import io.emrpipeline.local.emr.JobRunState;
import io.emrpipeline.local.emr.JobRunView;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The built command (bin/emr-pipeline and the shaded jar) as processes against one local
 * pipeline started for the class, announced through an endpoint file as `local up` announces it.
 * The word count runs in real Spark; jobs that only need to last or fail are simulated.
 */
class CliIT {

    private static final Duration QUICK = Duration.ofMinutes(1);
    /** A real Spark job on a busy 2-core machine: generous. */
    private static final Duration SPARK_JOB = Duration.ofMinutes(5);

    private static Path repoRoot;
    private static Path scratch;
    private static LocalPipeline pipeline;
    private static CliProcess cli;
    private static String applicationId;

    @BeforeAll
    static void startPipeline() throws Exception {
        repoRoot = RepositoryRoot.find();
        scratch = Files.createDirectories(repoRoot.resolve("cli/target/cli-it"));
        pipeline = LocalPipeline.start(repoRoot, LocalPipeline.Runner.SPARK_SUBMIT);
        pipeline.gateway().jobRuns().setRunner(new RoutedJobs(pipeline.sparkJobs().orElseThrow()));
        applicationId = pipeline.createApplication("local-spark");
        Path endpointFile = scratch.resolve("local-endpoint.json");
        new LocalEndpoint(pipeline.gateway().endpoint(), LocalGateway.REGION, pipeline.stateMachineArn(), LocalPipeline.BUCKET,
                ProcessHandle.current().pid(), Optional.empty()).write(endpointFile);
        cli = new CliProcess(repoRoot, scratch, Map.of(LocalEndpoint.FILE_VARIABLE, endpointFile.toString()));
    }

    @AfterAll
    static void stopPipeline() {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    void submitWaitRunsTheWordCountInSparkAndLogsReadsItsDriver() throws Exception {
        CliProcess.Result submit = cli.run(SPARK_JOB, "submit", "examples/wordcount/job-request.json", "--wait",
                "--target", "local");

        assertEquals(0, submit.exitCode(), submit::toString);
        String out = submit.out();
        assertTrue(out.contains("uploaded s3://emr-pipeline-local/examples/wordcount/wordcount.py"), out);
        assertTrue(out.indexOf("RUNNING") < out.indexOf("SUCCESS"), "each state as it happens:\n" + out);
        assertTrue(out.contains("SUCCEEDED  wordcount-example-"), out);
        assertTrue(out.matches("(?s).*estimated cost\\s+\\$0\\.\\d{4}.*"), out);
        assertTrue(out.contains("driver stderr"), out);
        System.out.println("submit --wait of the word count took " + submit.took().toMillis() + " ms");
        String name = executionName(out);

        CliProcess.Result stderr = cli.run(QUICK, "logs", name, "--stderr", "--target", "local");
        assertEquals(0, stderr.exitCode(), stderr::toString);
        assertTrue(stderr.out().contains("Running Spark version"), "Spark's own log, decompressed:\n" + stderr);
        CliProcess.Result stdout = cli.run(QUICK, "logs", name, "--target", "local");
        assertEquals(0, stdout.exitCode(), stdout::toString);

        CliProcess.Result status = cli.run(QUICK, "status", name, "--target", "local", "--output", "json");
        assertEquals(0, status.exitCode(), status::toString);
        JsonNode json = parse(status.out());
        assertEquals("SUCCEEDED", json.path("status").asText());
        assertEquals("SUCCESS", json.at("/jobRun/state").asText());
        assertTrue(json.at("/estimatedCost/usd").asDouble() > 0, status::toString);
        assertTrue(json.at("/links/driverStderr").asText().startsWith("http://127.0.0.1:"), status::toString);
    }

    @Test
    void cancelStopsALongJobAndTheJobRunEndsCancelled() throws Exception {
        CliProcess.Result submit = cli.run(QUICK, "submit", simulatedJob("forever"), "--name", "cli-it-forever",
                "--target", "local", "-o", "json");
        assertEquals(0, submit.exitCode(), submit::toString);
        assertEquals("cli-it-forever", parse(submit.out()).path("name").asText());
        awaitJobRun("cli-it-forever", JobRunState.RUNNING);

        CliProcess.Result cancel = cli.run(QUICK, "cancel", "cli-it-forever", "--target", "local");

        assertEquals(0, cancel.exitCode(), cancel::toString);
        assertTrue(cancel.out().contains("stopped cli-it-forever"), cancel::toString);
        assertTrue(cancel.out().matches("(?s).*job run \\w+ CANCELLED.*"), cancel::toString);
        CliProcess.Result status = cli.run(QUICK, "status", "cli-it-forever", "--target", "local");
        assertEquals(ExitCode.JOB_DID_NOT_SUCCEED, status.exitCode(), status::toString);
        assertTrue(status.out().startsWith("ABORTED  cli-it-forever"), status::toString);
        CliProcess.Result again = cli.run(QUICK, "cancel", "cli-it-forever", "--target", "local");
        assertEquals(ExitCode.BAD_REQUEST, again.exitCode(), again::toString);
        assertTrue(again.err().contains("already ended ABORTED; nothing to cancel"), again::toString);
    }

    @Test
    void aFailedJobIsExitCode1WithItsErrorAndTheCommandForItsStderr() throws Exception {
        CliProcess.Result submit = cli.run(QUICK, "submit", simulatedJob("fails"), "--name", "cli-it-fails", "--wait",
                "--target", "local");

        assertEquals(ExitCode.JOB_DID_NOT_SUCCEED, submit.exitCode(), submit::toString);
        assertTrue(submit.out().contains("FAILED  cli-it-fails"), submit::toString);
        assertTrue(submit.out().contains("error           EmrJobFailed"), submit::toString);
        assertTrue(submit.out().contains("ZeroDivisionError: division by zero"), submit::toString);
        assertTrue(submit.out().contains("emr-pipeline logs cli-it-fails --stderr --target local"), submit::toString);
    }

    @Test
    void listShowsRecentExecutionsWithStatusCostAndJobRun() throws Exception {
        CliProcess.Result submit = cli.run(QUICK, "submit", simulatedJob("succeeds"), "--name", "cli-it-listed", "--wait",
                "--target", "local");
        assertEquals(0, submit.exitCode(), submit::toString);

        CliProcess.Result list = cli.run(QUICK, "list", "--target", "local", "--since", "1h");
        assertEquals(0, list.exitCode(), list::toString);
        String header = list.out().lines().findFirst().orElse("");
        assertTrue(header.matches("NAME +STATUS +STARTED +DURATION +COST +APPLICATION +JOB RUN"), list::toString);
        String row = list.out().lines().filter(line -> line.startsWith("cli-it-listed ")).findFirst().orElse("");
        assertTrue(row.matches("cli-it-listed +SUCCEEDED +.* \\$0\\.\\d{4} +" + applicationId + " +\\w+ SUCCESS"), list::toString);

        CliProcess.Result failed = cli.run(QUICK, "list", "--target", "local", "--status", "succeeded", "-o", "json");
        assertEquals(0, failed.exitCode(), failed::toString);
        parse(failed.out()).forEach(execution -> assertEquals("SUCCEEDED", execution.path("status").asText()));
    }

    @Test
    void badRequestsAndWrongArgumentsStartNothingAndSayWhatToFix() throws Exception {
        Path invalid = Files.writeString(scratch.resolve("invalid.json"),
                "{\"name\": \"bad\", \"application\": {\"name\": \"local-spark\"}, \"job\": {\"mode\": \"script\"}}");
        CliProcess.Result submit = cli.run(QUICK, "submit", invalid.toString(), "--wait", "--target", "local");
        assertEquals(ExitCode.BAD_REQUEST, submit.exitCode(), submit::toString);
        assertTrue(submit.err().contains("$.job: required property 'entryPoint' not found"), submit::toString);
        assertTrue(submit.err().contains("nothing was started"), submit::toString);

        CliProcess.Result validate = cli.run(QUICK, "validate", invalid.toString(), "examples/wordcount/job-request.json");
        assertEquals(ExitCode.BAD_REQUEST, validate.exitCode(), validate::toString);
        assertTrue(validate.out().contains("valid    examples/wordcount/job-request.json"), validate::toString);

        CliProcess.Result unknown = cli.run(QUICK, "status", "no-such-execution", "--target", "local");
        assertEquals(ExitCode.BAD_REQUEST, unknown.exitCode(), unknown::toString);
        assertTrue(unknown.err().contains("fix:"), unknown::toString);

        CliProcess.Result noTarget = cli.run(QUICK, "list");
        assertEquals(ExitCode.BAD_REQUEST, noTarget.exitCode(), noTarget::toString);
        assertTrue(noTarget.err().contains("--target local"), noTarget::toString);

        CliProcess.Result typo = cli.run(QUICK, "lsit", "--target", "local");
        assertEquals(ExitCode.BAD_REQUEST, typo.exitCode(), typo::toString);

        CliProcess.Result ui = cli.run(QUICK, "ui", "cli-it-none", "--target", "local");
        assertEquals(ExitCode.BAD_REQUEST, ui.exitCode(), ui::toString);
    }

    @Test
    void aFailingSparkJobTellsOnCallItsErrorItsStderrAndTheCommandThatFetchesIt() throws Exception {
        byte[] script = CliIT.class.getResourceAsStream("/spark-jobs/fails.py").readAllBytes();
        pipeline.s3().putObject(r -> r.bucket(LocalPipeline.BUCKET).key("cli-it/fails.py"), RequestBody.fromBytes(script));
        Path request = Files.writeString(scratch.resolve("spark-fails.json"), "{\"name\": \"cli-it-spark-fails\", "
                + "\"application\": {\"id\": \"" + applicationId + "\"}, \"job\": {\"mode\": \"script\", \"entryPoint\": "
                + "\"s3://" + LocalPipeline.BUCKET + "/cli-it/fails.py\"}, \"timeoutMinutes\": 10}");

        CliProcess.Result submit = cli.run(SPARK_JOB, "submit", request.toString(), "--name", "cli-it-spark-fails", "--wait",
                "--target", "local");

        assertEquals(ExitCode.JOB_DID_NOT_SUCCEED, submit.exitCode(), submit::toString);
        String message = awaitNotification("cli-it-spark-fails");
        assertTrue(message.contains("Job Run Failed"), "the error's name: " + message);
        assertTrue(message.contains("ZeroDivisionError: division by zero"), "the job's own error: " + message);
        assertTrue(message.matches(".*Driver stderr: http://127\\.0\\.0\\.1:\\d+/.*/SPARK_DRIVER/stderr\\.gz.*"), message);
        String command = message.replaceFirst(".*Read it: (emr-pipeline logs \\S+ --stderr).*", "$1");
        assertTrue(command.startsWith("emr-pipeline logs arn:aws:states:"), message);

        List<String> args = new ArrayList<>(List.of(command.substring("emr-pipeline ".length()).split(" ")));
        args.addAll(List.of("--target", "local"));
        CliProcess.Result logs = cli.run(QUICK, args.toArray(String[]::new));
        assertEquals(0, logs.exitCode(), logs::toString);
        assertTrue(logs.out().contains("Submitted application: fails"), "the command in the message works:\n" + logs);
        // A PySpark driver's own traceback is in its stdout (Spark's log is stderr).
        CliProcess.Result stdout = cli.run(QUICK, "logs", "cli-it-spark-fails", "--target", "local");
        assertTrue(stdout.out().contains("ZeroDivisionError: division by zero"), stdout::toString);
    }

    @Test
    void aLocalPipelineThatStoppedIsExitCode3WithHowToStartIt() throws Exception {
        Path stale = scratch.resolve("stale-endpoint.json");
        new LocalEndpoint(pipeline.gateway().endpoint(), LocalGateway.REGION, pipeline.stateMachineArn(), LocalPipeline.BUCKET,
                Long.MAX_VALUE, Optional.empty()).write(stale);
        CliProcess stopped = new CliProcess(repoRoot, scratch, Map.of(LocalEndpoint.FILE_VARIABLE, stale.toString()));

        CliProcess.Result list = stopped.run(QUICK, "list", "--target", "local");

        assertEquals(ExitCode.TARGET_UNAVAILABLE, list.exitCode(), list::toString);
        assertTrue(list.err().contains("local up"), list::toString);
    }

    @Test
    void helpListsEveryCommandQuickly() throws Exception {
        CliProcess.Result help = cli.run(QUICK, "--help");

        assertEquals(0, help.exitCode(), help::toString);
        for (String command : new String[] {"submit", "status", "list", "logs", "cancel", "ui", "validate", "local"}) {
            assertTrue(help.out().contains("  " + command + " "), help::toString);
        }
        System.out.println("emr-pipeline --help took " + help.took().toMillis() + " ms");
    }

    /** A job request whose entry point RoutedJobs simulates. */
    private static String simulatedJob(String script) throws IOException {
        String request = "{\"name\": \"cli-it-" + script + "\", \"application\": {\"id\": \"" + applicationId + "\"},"
                + " \"job\": {\"mode\": \"script\", \"entryPoint\": \"s3://" + LocalPipeline.BUCKET + RoutedJobs.SIMULATED
                + script + ".py\"}, \"timeoutMinutes\": 10}";
        return Files.writeString(scratch.resolve(script + ".json"), request).toString();
    }

    private static void awaitJobRun(String executionName, JobRunState state) throws InterruptedException {
        Instant deadline = Instant.now().plus(QUICK);
        while (Instant.now().isBefore(deadline)) {
            Optional<JobRunView> run = pipeline.gateway().jobRuns().jobRuns().stream()
                    .filter(r -> r.name() != null && r.name().endsWith(":" + executionName)).findFirst();
            if (run.isPresent() && run.get().state() == state) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(executionName + "'s job run never reached " + state);
    }

    /** The on-call queue's message about this execution (others' messages are left for their tests). */
    private static String awaitNotification(String executionName) {
        try (SqsClient sqs = SqsClient.builder().region(Region.of(LocalGateway.REGION)).endpointOverride(pipeline.gateway().endpoint())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))).build()) {
            Instant deadline = Instant.now().plus(QUICK);
            while (Instant.now().isBefore(deadline)) {
                for (Message message : sqs.receiveMessage(r -> r.queueUrl(pipeline.notificationsQueueUrl()).waitTimeSeconds(5)
                        .maxNumberOfMessages(10).visibilityTimeout(0)).messages()) {
                    if (message.body().contains(":" + executionName + " ")) {
                        return message.body();
                    }
                }
            }
        }
        throw new AssertionError("no notification about " + executionName + " on the on-call queue");
    }

    private static String executionName(String out) {
        String first = out.lines().filter(line -> line.contains(" started on ")).findFirst().orElseThrow();
        assertFalse(first.isBlank());
        return first.substring(0, first.indexOf(' '));
    }

    private static JsonNode parse(String json) {
        return Json.parse(json.getBytes(StandardCharsets.UTF_8));
    }
}
