package io.emrpipeline.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.emrpipeline.core.Json;
import io.emrpipeline.local.LocalPipeline;
import io.emrpipeline.local.emr.JobPlan;
import io.emrpipeline.local.emr.JobRunOperation;
import io.emrpipeline.local.emr.JobRunState;
import io.emrpipeline.local.emr.JobRunView;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/** How an execution ends for each way a job run ends, through the real ASL and handlers. */
@ExtendWith(LocalPipelineExtension.class)
class PipelineOutcomesIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Test
    void successCarriesTheJobRunItsCostAndLinks(LocalPipeline pipeline) throws Exception {
        String applicationId = pipeline.createApplication("analytics");
        pipeline.gateway().simulatedJobs().planNext(JobPlan.succeedAfter(Duration.ofMillis(500)));

        String executionArn = pipeline.startExecution("success", JobRequests.scriptJob(applicationId).toString());
        DescribeExecutionResponse execution = pipeline.awaitExecution(executionArn, TIMEOUT);

        assertEquals(ExecutionStatus.SUCCEEDED, execution.status(), () -> Scenarios.describe(execution));
        JsonNode output = Json.MAPPER.readTree(execution.output());
        assertEquals("SUCCEEDED", output.path("status").asText());
        JsonNode jobRun = output.path("jobRun");
        assertEquals(applicationId, jobRun.path("applicationId").asText());
        assertEquals("SUCCESS", jobRun.path("state").asText());
        assertEquals("scenario-job:success", jobRun.path("name").asText());
        assertTrue(jobRun.path("totalExecutionDurationSeconds").asLong() >= 0);
        assertTrue(jobRun.path("billedResourceUtilization").path("vCPUHour").asDouble() > 0, jobRun::toString);
        assertTrue(jobRun.path("totalResourceUtilization").path("memoryGBHour").asDouble() > 0, jobRun::toString);
        JsonNode links = output.path("links");
        String jobRunId = jobRun.path("jobRunId").asText();
        assertTrue(links.path("driverStdout").asText().endsWith(
                "/emr-pipeline-local/logs/applications/" + applicationId + "/jobs/" + jobRunId + "/SPARK_DRIVER/stdout.gz"),
                links::toString);
        assertTrue(links.path("stepFunctionsExecution").asText().endsWith(executionArn));
        assertTrue(links.path("emrConsole").asText().contains(jobRunId));

        List<JobRunView> runs = pipeline.gateway().jobRuns().jobRuns();
        assertEquals(1, runs.size(), "exactly one job run");
        JsonNode submitted = runs.get(0).request();
        assertEquals(LocalPipeline.JOB_ROLE, submitted.path("executionRoleArn").asText());
        assertEquals(10, submitted.path("executionTimeoutMinutes").asInt());
        assertEquals("success", submitted.path("tags").path("emr-pipeline:execution").asText());
    }

    @Test
    void aFailedJobFailsTheExecutionWithItsStateDetails(LocalPipeline pipeline) throws Exception {
        String applicationId = pipeline.createApplication("analytics");
        pipeline.gateway().simulatedJobs().planNext(JobPlan.failAfter(Duration.ofMillis(300),
                "Job failed, ExitCode: 1. Last few exceptions: ZeroDivisionError: division by zero"));

        String executionArn = pipeline.startExecution("fails", JobRequests.scriptJob(applicationId).toString());
        DescribeExecutionResponse execution = pipeline.awaitExecution(executionArn, TIMEOUT);

        assertEquals(ExecutionStatus.FAILED, execution.status());
        assertEquals("EmrJobFailed", execution.error());
        assertTrue(execution.cause().contains("ZeroDivisionError: division by zero"), execution.cause());
        assertTrue(execution.cause().contains("SPARK_DRIVER/stderr.gz"), "the cause points at the driver's stderr");
    }

    @Test
    void aJobCancelledOutsideThePipelineFailsTheExecutionAsCancelled(LocalPipeline pipeline) throws Exception {
        String applicationId = pipeline.createApplication("analytics");
        pipeline.gateway().simulatedJobs().planNext(JobPlan.runUntilCancelled());

        String executionArn = pipeline.startExecution("cancelled-outside", JobRequests.scriptJob(applicationId).toString());
        String jobRunId = Scenarios.awaitJobRunState(pipeline, JobRunState.RUNNING).jobRunId();
        pipeline.emr().cancelJobRun(r -> r.applicationId(applicationId).jobRunId(jobRunId));
        DescribeExecutionResponse execution = pipeline.awaitExecution(executionArn, TIMEOUT);

        assertEquals(ExecutionStatus.FAILED, execution.status());
        assertEquals("EmrJobCancelled", execution.error());
        assertTrue(execution.cause().contains(jobRunId), execution.cause());
    }

    @Test
    void anInvalidRequestFailsNamingEveryWrongFieldAndStartsNothing(LocalPipeline pipeline) throws Exception {
        String applicationId = pipeline.createApplication("analytics");
        var request = JobRequests.scriptJob(applicationId);
        ((com.fasterxml.jackson.databind.node.ObjectNode) request.get("job")).remove("entryPoint");
        request.put("timeoutMinutes", -5).put("unexpected", true);

        String executionArn = pipeline.startExecution("invalid", request.toString());
        DescribeExecutionResponse execution = pipeline.awaitExecution(executionArn, TIMEOUT);

        assertEquals(ExecutionStatus.FAILED, execution.status());
        assertEquals("InvalidJobRequest", execution.error());
        for (String field : List.of("entryPoint", "$.timeoutMinutes", "unexpected")) {
            assertTrue(execution.cause().contains(field), () -> "cause names " + field + ": " + execution.cause());
        }
        assertEquals(0, pipeline.gateway().jobRuns().faults().callCount(JobRunOperation.START_JOB_RUN));
    }

    @Test
    void anUnknownApplicationIdFailsWithApplicationNotFound(LocalPipeline pipeline) throws Exception {
        String executionArn = pipeline.startExecution("unknown-id", JobRequests.scriptJob("00doesnotexist0").toString());
        DescribeExecutionResponse execution = pipeline.awaitExecution(executionArn, TIMEOUT);

        assertEquals(ExecutionStatus.FAILED, execution.status());
        assertEquals("ApplicationNotFound", execution.error());
        assertTrue(execution.cause().contains("00doesnotexist0"), execution.cause());
        assertEquals(0, pipeline.gateway().jobRuns().faults().callCount(JobRunOperation.START_JOB_RUN));
    }

    @Test
    void anUnknownApplicationNameFailsWithApplicationNotFound(LocalPipeline pipeline) throws Exception {
        pipeline.createApplication("analytics");

        String executionArn = pipeline.startExecution("unknown-name", JobRequests.byName("reporting").toString());
        DescribeExecutionResponse execution = pipeline.awaitExecution(executionArn, TIMEOUT);

        assertEquals(ExecutionStatus.FAILED, execution.status());
        assertEquals("ApplicationNotFound", execution.error());
        assertTrue(execution.cause().contains("No EMR Serverless application is named 'reporting'"), execution.cause());
        assertEquals(0, pipeline.gateway().jobRuns().faults().callCount(JobRunOperation.START_JOB_RUN));
    }

    @Test
    void anApplicationNamedInTheRequestIsFoundByName(LocalPipeline pipeline) throws Exception {
        pipeline.createApplication("reporting");
        String analytics = pipeline.createApplication("analytics");

        String executionArn = pipeline.startExecution("by-name", JobRequests.byName("analytics").toString());
        DescribeExecutionResponse execution = pipeline.awaitExecution(executionArn, TIMEOUT);

        assertEquals(ExecutionStatus.SUCCEEDED, execution.status(), () -> Scenarios.describe(execution));
        assertEquals(analytics, Json.MAPPER.readTree(execution.output()).path("jobRun").path("applicationId").asText());
    }
}
