package io.emrpipeline.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.emrpipeline.core.fakes.FakePipeline;
import io.emrpipeline.core.fakes.Fixtures;
import io.emrpipeline.core.fakes.SdkFailures;
import io.emrpipeline.errors.ApplicationNotFound;
import io.emrpipeline.errors.EmrThrottled;
import io.emrpipeline.errors.InvalidJobRequest;
import io.emrpipeline.errors.TransientAwsError;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.emrserverless.model.ApplicationState;
import software.amazon.awssdk.services.emrserverless.model.JobRun;

class JobRunSubmitterTest {

    private static final String APP = "00fq2rhm4nqa3l09";
    private static final ExecutionRef EXECUTION = new ExecutionRef(
            "arn:aws:states:eu-west-1:111122223333:execution:emr-pipeline:exec-0001", "exec-0001");
    private static final String RUN_RECORD = "runs/exec-0001.json";

    private final FakePipeline pipeline = new FakePipeline();

    JobRunSubmitterTest() {
        pipeline.emr().withApplication(APP, "analytics", ApplicationState.STARTED);
    }

    @Test
    void startsTheRequestedJobAndReturnsWhereToFindIt() {
        ObjectNode result = pipeline.submitter().submit(request(), EXECUTION);

        JobRun run = onlyJobRun();
        assertEquals("wordcount:exec-0001", run.name(), "the name ends with the execution, so a canceller finds it");
        assertEquals(FakePipeline.ROLE, run.executionRole());
        assertEquals("s3://my-bucket/jobs/wordcount.py", run.jobDriver().sparkSubmit().entryPoint());
        assertEquals(60L, run.executionTimeoutMinutes());
        assertEquals(Map.of("team", "analytics", "emr-pipeline:execution", "exec-0001"), run.tags());
        assertEquals(FakePipeline.DEFAULT_LOG_URI,
                run.configurationOverrides().monitoringConfiguration().s3MonitoringConfiguration().logUri());

        assertEquals(APP, result.path("applicationId").asText());
        assertEquals(run.jobRunId(), result.path("jobRunId").asText());
        assertEquals(run.arn(), result.path("arn").asText());
        assertEquals(run.name(), result.path("jobRunName").asText());
        assertTrue(result.path("links").path("driverStderr").asText().contains(run.jobRunId()), result.toString());
    }

    @Test
    void theRequestsRetryPolicyReachesStartJobRun() {
        ObjectNode request = (ObjectNode) request();
        request.putObject("retryPolicy").put("maxAttempts", 3);

        String jobRunId = pipeline.submitter().submit(request, EXECUTION).path("jobRunId").asText();

        assertEquals(3, pipeline.emr().jobRun(APP, jobRunId).retryPolicy().maxAttempts());
    }

    @Test
    void recordsTheRunBeforeStartingItAndAgainWithItsId() {
        pipeline.submitter().submit(request(), EXECUTION);

        List<JsonNode> versions = pipeline.bucket().history(RUN_RECORD);
        assertEquals(2, versions.size(), versions.toString());
        assertTrue(versions.get(0).path("jobRunId").isNull(), "written before StartJobRun answered");
        assertEquals(onlyJobRun().jobRunId(), versions.get(1).path("jobRunId").asText());
        assertEquals("wordcount:exec-0001", versions.get(1).path("jobRunName").asText());
    }

    @Test
    void announcesTheSubmittedRun() {
        pipeline.submitter().submit(request(), EXECUTION);

        assertEquals(List.of("Job Run Submitted"), pipeline.events().detailTypes());
        JsonNode detail = pipeline.events().published().get(0).detail();
        assertEquals(EXECUTION.arn(), detail.path("executionArn").asText());
        assertEquals(onlyJobRun().jobRunId(), detail.path("jobRunId").asText());
        assertTrue(detail.path("links").has("emrConsole"), detail.toString());
    }

    @Test
    void theClientTokenComesFromTheExecutionSoEachExecutionGetsItsOwnJob() {
        pipeline.submitter().submit(request(), EXECUTION);
        pipeline.submitter().submit(request(), new ExecutionRef(EXECUTION.arn().replace("exec-0001", "exec-0002"), "exec-0002"));

        List<JobRun> runs = pipeline.emr().jobRuns();
        assertEquals(2, runs.size());
        assertNotEquals(runs.get(0).jobRunId(), runs.get(1).jobRunId());
    }

    @Test
    void aRetriedSubmitOfTheSameExecutionReturnsTheJobItStarted() {
        ObjectNode first = pipeline.submitter().submit(request(), EXECUTION);
        ObjectNode retried = pipeline.submitter().submit(request(), EXECUTION);

        assertEquals(1, pipeline.emr().jobRuns().size(), "no second job");
        assertEquals(first.path("jobRunId"), retried.path("jobRunId"));
    }

    @Test
    void aStartWhoseAnswerWasLostIsFoundAgainByTheRetry() {
        pipeline.emr().failAfterNext("StartJobRun", SdkFailures.connectionReset());

        assertThrows(TransientAwsError.class, () -> pipeline.submitter().submit(request(), EXECUTION));
        ObjectNode retried = pipeline.submitter().submit(request(), EXECUTION);

        assertEquals(1, pipeline.emr().jobRuns().size(), "the retry must not start a second job");
        assertEquals(onlyJobRun().jobRunId(), retried.path("jobRunId").asText());
    }

    @Test
    void anInvalidRequestStartsNothingAndSaysWhatToFix() {
        InvalidJobRequest error = assertThrows(InvalidJobRequest.class,
                () -> pipeline.submitter().submit(Fixtures.request("invalid-many-fields.json"), EXECUTION));

        assertTrue(error.getMessage().contains("$.timeoutMinutes"), error.getMessage());
        assertTrue(error.getMessage().endsWith("Fix the request and start a new execution; no job was started."),
                error.getMessage());
        assertEquals(List.of(), pipeline.emr().jobRuns());
        assertEquals(List.of(), pipeline.bucket().keys(), "not even a run record");
        assertEquals(List.of(), pipeline.events().published());
    }

    @Test
    void aRoleOutsideTheAllowListStartsNothing() {
        ObjectNode request = request().put("executionRoleArn", "arn:aws:iam::111122223333:role/admin");

        InvalidJobRequest error = assertThrows(InvalidJobRequest.class, () -> pipeline.submitter().submit(request, EXECUTION));

        assertTrue(error.getMessage().contains("arn:aws:iam::111122223333:role/admin is not in this deployment's allowed"),
                error.getMessage());
        assertEquals(List.of(), pipeline.emr().jobRuns());
    }

    @Test
    void anUnknownApplicationIdIsApplicationNotFound() {
        ObjectNode request = request();
        request.putObject("application").put("id", "00fdoesnotexist1");

        ApplicationNotFound error = assertThrows(ApplicationNotFound.class, () -> pipeline.submitter().submit(request, EXECUTION));

        assertTrue(error.getMessage().contains("'00fdoesnotexist1'"), error.getMessage());
        assertEquals(List.of(), pipeline.emr().jobRuns());
    }

    @Test
    void anUnknownApplicationNameSaysHowToGetOne() {
        ObjectNode request = request();
        request.putObject("application").put("name", "nightly");

        ApplicationNotFound error = assertThrows(ApplicationNotFound.class, () -> pipeline.submitter().submit(request, EXECUTION));

        assertTrue(error.getMessage().contains("No EMR Serverless application is named 'nightly'. Create it"), error.getMessage());
    }

    @Test
    void aPackageJobRunsTheBootstrapStagedInTheJobBucket() {
        pipeline.submitter().submit(Fixtures.request("package-valid-flyte-numbers.json"), EXECUTION);

        String entryPoint = onlyJobRun().jobDriver().sparkSubmit().entryPoint();
        String prefix = "s3://" + FakePipeline.BUCKET + "/";
        assertTrue(entryPoint.startsWith(prefix), entryPoint);
        assertTrue(pipeline.bucket().exists(entryPoint.substring(prefix.length())), "the entry point the job runs exists");
        assertEquals(FakePipeline.ROLE, onlyJobRun().executionRole(), "the deployment's default role");
    }

    @Test
    void throttlingIsEmrThrottledAndLeavesTheRecordACancellerNeeds() {
        pipeline.emr().failNext("StartJobRun", SdkFailures.throttling());

        EmrThrottled error = assertThrows(EmrThrottled.class, () -> pipeline.submitter().submit(request(), EXECUTION));

        assertTrue(error.getMessage().contains("StartJobRun past the SDK's own retries"), error.getMessage());
        assertEquals(List.of(), pipeline.emr().jobRuns());
        RunRecords.RunRecord record = pipeline.runRecords().find("exec-0001").orElseThrow();
        assertEquals("wordcount:exec-0001", record.jobRunName());
        assertNull(record.jobRunId(), "StartJobRun never answered");
    }

    @Test
    void aServerErrorIsTransientAwsErrorNamingTheCall() {
        pipeline.emr().failNext("StartJobRun", SdkFailures.serverError());

        TransientAwsError error = assertThrows(TransientAwsError.class, () -> pipeline.submitter().submit(request(), EXECUTION));

        assertTrue(error.getMessage().startsWith("StartJobRun failed transiently"), error.getMessage());
        assertEquals(List.of(), pipeline.emr().jobRuns());
    }

    @Test
    void aThrottledApplicationLookupIsEmrThrottledToo() {
        pipeline.emr().failNext("GetApplication", SdkFailures.throttling());

        assertThrows(EmrThrottled.class, () -> pipeline.submitter().submit(request(), EXECUTION));
        assertEquals(List.of(), pipeline.bucket().keys(), "failed before anything was recorded");
    }

    private static ObjectNode request() {
        return (ObjectNode) Fixtures.event("state-machine/submit-job-run.json").get("request");
    }

    private JobRun onlyJobRun() {
        List<JobRun> runs = pipeline.emr().jobRuns();
        assertEquals(1, runs.size(), "job runs: " + runs);
        return runs.get(0);
    }
}
