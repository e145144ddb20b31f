package io.emrpipeline.local.emr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The lifecycle parts only some runs meet: rate quotas, the concurrency limit, retried attempts. */
class JobRunLifecycleIT extends JobRunModelFixture {

    @Test
    void aRateLimitThrottlesPastTheBurstAndRefillsAtTheSustainedRate() throws InterruptedException {
        model.faults().limitRate(JobRunOperation.START_JOB_RUN, new ApiFaults.RateLimit(5, 3));

        start("r1");
        start("r2");
        start("r3");
        assertEquals("ThrottlingException", assertThrows(EmrApiException.class, () -> start("r4")).errorType());
        Thread.sleep(450);
        start("r4");

        assertEquals(1, model.faults().throttledCount(JobRunOperation.START_JOB_RUN));
        assertEquals(4, model.jobRuns().size());
    }

    @Test
    void runsPastMaxConcurrentRunsWaitQueuedUntilASlotFrees() throws InterruptedException {
        model.setMaxConcurrentRuns(APP, 1);
        runner.setDefaultPlan(JobPlan.succeedAfter(Duration.ofMillis(200)));

        String first = start("q1");
        String second = start("q2");

        assertEquals(JobRunState.QUEUED, awaitState(second, JobRunState.QUEUED));
        assertEquals(JobRunState.SUCCESS, awaitState(first, JobRunState.SUCCESS));
        assertEquals(JobRunState.SUCCESS, awaitState(second, JobRunState.SUCCESS));
        assertEquals(List.of("SUBMITTED", "QUEUED", "PENDING", "SCHEDULED", "RUNNING", "SUCCESS"), events.states(second));
    }

    @Test
    void aQueuedRunCancelledNeverRunsAndFreesNothingItDidNotHold() throws InterruptedException {
        model.setMaxConcurrentRuns(APP, 1);
        runner.planNext(JobPlan.runUntilCancelled(), JobPlan.succeedAfter(Duration.ZERO),
                JobPlan.succeedAfter(Duration.ZERO));
        String running = start("c1");
        String queued = start("c2");
        String third = start("c3");
        awaitState(queued, JobRunState.QUEUED);

        model.cancelJobRun(APP, queued);
        assertEquals(JobRunState.CANCELLED, awaitState(queued, JobRunState.CANCELLED));
        assertEquals(JobRunState.QUEUED, model.jobRun(APP, third).orElseThrow().state(), "the slot is still taken");
        model.cancelJobRun(APP, running);

        assertEquals(JobRunState.SUCCESS, awaitState(third, JobRunState.SUCCESS));
        assertTrue(!events.states(queued).contains("RUNNING"));
    }

    @Test
    void aFailedAttemptUnderARetryPolicyRunsAgainAsTheNextAttempt() throws InterruptedException {
        runner.planNext(JobPlan.failAfter(Duration.ofMillis(20), "first attempt"), JobPlan.succeedAfter(Duration.ofMillis(20)));
        ObjectNode request = request("retry");
        request.putObject("retryPolicy").put("maxAttempts", 2);
        String id = model.startJobRun("us-east-1", APP, request).get("jobRunId").asText();

        assertEquals(JobRunState.SUCCESS, awaitState(id, JobRunState.SUCCESS));
        List<String> stateChanges = events.events.stream()
                .filter(event -> JobRunEvents.DETAIL_TYPE.equals(event.path("detail-type").asText()))
                .map(event -> event.at("/detail/state").asText()).toList();
        assertEquals(List.of("SUBMITTED", "PENDING", "SCHEDULED", "RUNNING", "FAILED", "PENDING", "SCHEDULED", "RUNNING",
                "SUCCESS"), stateChanges, "the first attempt's FAILED, then the second attempt's lifecycle");
        JsonNode jobRun = model.getJobRun(APP, id).get("jobRun");
        assertEquals(2, jobRun.get("attempt").asInt());
        assertEquals(1, events.events.stream()
                .filter(event -> "EMR Serverless Job Run Retry".equals(event.path("detail-type").asText())).count());
    }
}
