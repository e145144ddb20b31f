package io.emrpipeline.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.emrpipeline.core.Json;
import io.emrpipeline.local.LocalPipeline;
import io.emrpipeline.local.emr.ApiFaults;
import io.emrpipeline.local.emr.JobPlan;
import io.emrpipeline.local.emr.JobRunOperation;
import io.emrpipeline.local.emr.JobRunView;
import io.emrpipeline.local.events.PublishedEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * The parts of EMR Serverless' lifecycle a job meets only sometimes: the application's
 * concurrency limit (QUEUED), the retry policy's attempts, and the account's API rate quotas.
 */
@ExtendWith(LocalPipelineExtension.class)
class EmrLifecycleIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    @Test
    void runsPastTheApplicationsConcurrencyLimitQueueAndAllSucceed(LocalPipeline pipeline) throws Exception {
        String applicationId = pipeline.createApplication("analytics");
        pipeline.gateway().jobRuns().setMaxConcurrentRuns(applicationId, 1);
        int jobs = 3;
        // The first run holds the only slot long enough for the others to be submitted behind it,
        // however slowly a busy machine starts their SubmitJobRun.
        pipeline.gateway().simulatedJobs().planNext(JobPlan.succeedAfter(Duration.ofSeconds(10)));
        pipeline.gateway().simulatedJobs().setDefaultPlan(JobPlan.succeedAfter(Duration.ofMillis(1500)));

        List<String> executions = new ArrayList<>();
        for (int i = 0; i < jobs; i++) {
            executions.add(pipeline.startExecution("queued-" + i, JobRequests.scriptJob(applicationId).toString()));
        }
        for (String executionArn : executions) {
            DescribeExecutionResponse execution = pipeline.awaitExecution(executionArn, TIMEOUT);
            assertEquals(ExecutionStatus.SUCCEEDED, execution.status(), () -> Scenarios.describe(execution));
        }

        long queuedEvents = emrStates(pipeline).stream().filter("QUEUED"::equals).count();
        assertEquals(jobs - 1, queuedEvents, "every run past the first waited for the slot");
        List<JobRunView> runs = new ArrayList<>(pipeline.gateway().jobRuns().jobRuns());
        runs.sort(Comparator.comparing(JobRunView::startedAt));
        for (int i = 1; i < runs.size(); i++) {
            assertFalse(runs.get(i).startedAt().isBefore(runs.get(i - 1).endedAt()),
                    "with maxConcurrentRuns 1 no two runs overlap: " + runs);
        }
    }

    @Test
    void aFailedAttemptFollowedByARetryIsNotTheEnd(LocalPipeline pipeline) throws Exception {
        String applicationId = pipeline.createApplication("analytics");
        pipeline.gateway().simulatedJobs().planNext(JobPlan.failAfter(Duration.ofMillis(1500), "attempt one broke"),
                JobPlan.succeedAfter(Duration.ofMillis(800)));
        ObjectNode request = JobRequests.scriptJob(applicationId);
        request.putObject("retryPolicy").put("maxAttempts", 2);

        String executionArn = pipeline.startExecution("retried", request.toString());
        DescribeExecutionResponse execution = pipeline.awaitExecution(executionArn, TIMEOUT);
        Scenarios.awaitQuiet(pipeline);

        assertEquals(ExecutionStatus.SUCCEEDED, execution.status(), () -> Scenarios.describe(execution));
        JsonNode output = Json.MAPPER.readTree(execution.output());
        assertEquals(2, output.path("jobRun").path("attempt").asInt(), output::toString);
        assertTrue(output.path("links").path("driverStderr").asText().contains("/attempts/2/SPARK_DRIVER/"),
                output.path("links")::toString);
        assertTrue(emrStates(pipeline).contains("FAILED"), "the first attempt's FAILED event went out");
        assertEquals(1, pipeline.gateway().events().publishedEvents().stream()
                .filter(event -> "EMR Serverless Job Run Retry".equals(event.detailType())).count());
        assertEquals(1, domainEvents(pipeline, "Job Run Succeeded"));
        assertEquals(0, domainEvents(pipeline, "Job Run Failed"), "the failed attempt was not told as the end");
    }

    @Test
    void aRunWhoseLastAttemptFailsFailsTheExecutionNamingTheAttempt(LocalPipeline pipeline) throws Exception {
        String applicationId = pipeline.createApplication("analytics");
        pipeline.gateway().simulatedJobs().planNext(JobPlan.failAfter(Duration.ofMillis(600), "first"),
                JobPlan.failAfter(Duration.ofMillis(600), "second and last"));
        ObjectNode request = JobRequests.scriptJob(applicationId);
        request.putObject("retryPolicy").put("maxAttempts", 2);

        String executionArn = pipeline.startExecution("exhausted", request.toString());
        DescribeExecutionResponse execution = pipeline.awaitExecution(executionArn, TIMEOUT);

        assertEquals(ExecutionStatus.FAILED, execution.status(), () -> Scenarios.describe(execution));
        assertTrue(execution.cause().contains("second and last"), execution::cause);
        assertTrue(execution.cause().contains("/attempts/2/SPARK_DRIVER/stderr.gz"), execution::cause);
    }

    @Test
    void submitsBeyondTheStartJobRunBurstAreAbsorbedByRetries(LocalPipeline pipeline) throws Exception {
        String applicationId = pipeline.createApplication("analytics");
        // The real sustained rate with a burst small enough that this many executions must exceed
        // it, however slowly a busy machine submits (the real burst of 25 is in make bench).
        pipeline.gateway().jobRuns().faults().limitRate(JobRunOperation.START_JOB_RUN, new ApiFaults.RateLimit(1, 3));
        pipeline.gateway().jobRuns().faults().limitRate(JobRunOperation.GET_JOB_RUN, ApiFaults.GET_JOB_RUN_QUOTA);
        int executions = 12;

        List<String> arns = new ArrayList<>();
        for (int i = 0; i < executions; i++) {
            arns.add(pipeline.startExecution("quota-" + i, JobRequests.scriptJob(applicationId).toString()));
        }
        for (String executionArn : arns) {
            DescribeExecutionResponse execution = pipeline.awaitExecution(executionArn, Duration.ofMinutes(4));
            assertEquals(ExecutionStatus.SUCCEEDED, execution.status(), () -> Scenarios.describe(execution));
        }

        assertEquals(executions, pipeline.gateway().jobRuns().jobRuns().size(), "one job run per execution");
        assertTrue(pipeline.gateway().jobRuns().faults().throttledCount(JobRunOperation.START_JOB_RUN) > 0,
                "the burst was really exceeded");
    }

    private static List<String> emrStates(LocalPipeline pipeline) {
        return pipeline.gateway().events().publishedEvents().stream()
                .filter(event -> "EMR Serverless Job Run State Change".equals(event.detailType()))
                .map(PublishedEvent::detail)
                .map(detail -> detail.path("state").asText())
                .toList();
    }

    private static long domainEvents(LocalPipeline pipeline, String detailType) {
        return pipeline.gateway().events().publishedEvents().stream()
                .filter(event -> detailType.equals(event.detailType())).count();
    }
}
