package io.emrpipeline.local.emr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.emrpipeline.local.events.EventPublisher;
import io.emrpipeline.local.http.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JobRunModelIT {

    private static final String APP = "00fapp0000000001";

    /** Records what the model publishes, and on which thread it would be delivered. */
    private static final class RecordingPublisher implements EventPublisher {
        final List<ObjectNode> events = new CopyOnWriteArrayList<>();
        final List<Boolean> synchronous = new CopyOnWriteArrayList<>();

        @Override
        public void publish(ObjectNode event, boolean sync) {
            events.add(event);
            synchronous.add(sync);
        }

        List<String> states(String jobRunId) {
            return events.stream().filter(e -> e.at("/detail/jobRunId").asText().equals(jobRunId))
                    .map(e -> e.at("/detail/state").asText()).toList();
        }
    }

    private final RecordingPublisher events = new RecordingPublisher();
    private final SimulatedJobRunner runner = new SimulatedJobRunner();
    private final ApplicationLookup applications = (region, id) -> APP.equals(id)
            ? Optional.of(new ApplicationLookup.Application(APP, "emr-7.5.0", "STARTED"))
            : Optional.empty();
    private final JobRunModel model = new JobRunModel(applications, events, "123456789012", runner);

    @BeforeEach
    void fastLifecycle() {
        model.setTimings(JobRunTimings.uniform(Duration.ofMillis(10)));
    }

    @AfterEach
    void stop() {
        model.close();
    }

    private static ObjectNode request(String clientToken) {
        ObjectNode request = Json.object().put("clientToken", clientToken)
                .put("executionRoleArn", "arn:aws:iam::123456789012:role/job").put("name", "nightly");
        request.putObject("jobDriver").putObject("sparkSubmit").put("entryPoint", "s3://bucket/main.py");
        return request;
    }

    private String start(String clientToken) {
        return model.startJobRun("us-east-1", APP, request(clientToken)).get("jobRunId").asText();
    }

    private JobRunState awaitState(String jobRunId, JobRunState wanted) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(5);
        while (Instant.now().isBefore(deadline)) {
            JobRunState state = model.jobRun(APP, jobRunId).orElseThrow().state();
            // The state changes before its event is published: wait for both.
            if (state == wanted && events.states(jobRunId).contains(wanted.name())) {
                return state;
            }
            Thread.sleep(5);
        }
        return model.jobRun(APP, jobRunId).orElseThrow().state();
    }

    @Test
    void aRunGoesThroughEveryStateAndEmitsAnEventForEach() throws InterruptedException {
        runner.setDefaultPlan(JobPlan.succeedAfter(Duration.ofMillis(20)));

        String id = start("t1");

        assertEquals(JobRunState.SUCCESS, awaitState(id, JobRunState.SUCCESS));
        assertEquals(List.of("SUBMITTED", "PENDING", "SCHEDULED", "RUNNING", "SUCCESS"), events.states(id));
        ObjectNode last = events.events.get(events.events.size() - 1);
        assertEquals("RUNNING", last.at("/detail/previousState").asText());
        assertEquals("nightly", last.at("/detail/jobRunName").asText());
        assertEquals("emr-7.5.0", last.at("/detail/releaseLabel").asText());
    }

    @Test
    void getJobRunOfAFinishedRunCarriesDurationsAndUtilization() throws InterruptedException {
        runner.setDefaultPlan(JobPlan.succeedAfter(Duration.ofMillis(20)));
        String id = start("t1");
        awaitState(id, JobRunState.SUCCESS);

        JsonNode jobRun = model.getJobRun(APP, id).get("jobRun");

        assertEquals("SUCCESS", jobRun.get("state").asText());
        assertTrue(jobRun.get("createdAt").isNumber());
        assertTrue(jobRun.get("endedAt").isNumber());
        assertEquals("s3://bucket/main.py", jobRun.at("/jobDriver/sparkSubmit/entryPoint").asText());
        assertTrue(jobRun.at("/billedResourceUtilization/vCPUHour").asDouble() > 0);
        assertEquals(720, jobRun.get("executionTimeoutMinutes").asInt());
    }

    @Test
    void theSameClientTokenStartsNothingNew() {
        String first = start("same");
        String second = start("same");

        assertEquals(first, second);
        assertEquals(1, model.jobRuns().size());
        assertEquals(2, model.faults().callCount(JobRunOperation.START_JOB_RUN));
        assertNotEquals(first, start("other"));
    }

    @Test
    void aFailedRunCarriesItsStateDetailsInTheEvent() throws InterruptedException {
        runner.setDefaultPlan(JobPlan.failAfter(Duration.ofMillis(10), "Job failed, ExitCode: 1"));

        String id = start("t1");

        assertEquals(JobRunState.FAILED, awaitState(id, JobRunState.FAILED));
        ObjectNode last = events.events.get(events.events.size() - 1);
        assertEquals("Job failed, ExitCode: 1", last.at("/detail/stateDetails").asText());
    }

    @Test
    void cancelInterruptsTheRunnerAndEndsCancelled() throws InterruptedException {
        runner.setDefaultPlan(JobPlan.runUntilCancelled());
        String id = start("t1");
        awaitState(id, JobRunState.RUNNING);

        model.cancelJobRun(APP, id);

        assertEquals(JobRunState.CANCELLED, awaitState(id, JobRunState.CANCELLED));
        assertEquals(List.of("SUBMITTED", "PENDING", "SCHEDULED", "RUNNING", "CANCELLING", "CANCELLED"), events.states(id));
    }

    @Test
    void cancelBeforeRunningNeverStartsTheRunner() throws InterruptedException {
        model.setTimings(JobRunTimings.uniform(Duration.ofMillis(200)));
        String id = start("t1");

        model.cancelJobRun(APP, id);

        assertEquals(JobRunState.CANCELLED, awaitState(id, JobRunState.CANCELLED));
        assertEquals(List.of("SUBMITTED", "CANCELLING", "CANCELLED"), events.states(id));
    }

    @Test
    void cancellingATerminalRunIsAValidationError() throws InterruptedException {
        runner.setDefaultPlan(JobPlan.succeedAfter(Duration.ZERO));
        String id = start("t1");
        awaitState(id, JobRunState.SUCCESS);

        EmrApiException error = assertThrows(EmrApiException.class, () -> model.cancelJobRun(APP, id));

        assertEquals("ValidationException", error.errorType());
        assertEquals(400, error.httpStatus());
    }

    @Test
    void anInstantRunIsTerminalWithEventsDeliveredBeforeStartReturns() {
        runner.planNext(JobPlan.instantSuccess());

        String id = start("t1");

        assertEquals(JobRunState.SUCCESS, model.jobRun(APP, id).orElseThrow().state());
        assertEquals(List.of("SUBMITTED", "PENDING", "SCHEDULED", "RUNNING", "SUCCESS"), events.states(id));
        assertTrue(events.synchronous.stream().allMatch(Boolean::booleanValue));
    }

    @Test
    void staleRunningKnobSendsARunningEventAfterTheTerminalOne() {
        model.setEmitStaleRunningEventAfterTerminal(true);
        runner.planNext(JobPlan.instantSuccess());

        String id = start("t1");

        assertEquals(List.of("SUBMITTED", "PENDING", "SCHEDULED", "RUNNING", "SUCCESS", "RUNNING"), events.states(id));
    }

    @Test
    void requestsAreValidatedLikeTheService() {
        ObjectNode noRole = request("t1");
        noRole.remove("executionRoleArn");
        ObjectNode noDriver = request("t2");
        noDriver.remove("jobDriver");

        EmrApiException role = assertThrows(EmrApiException.class, () -> model.startJobRun("us-east-1", APP, noRole));
        EmrApiException driver = assertThrows(EmrApiException.class, () -> model.startJobRun("us-east-1", APP, noDriver));

        assertTrue(role.getMessage().contains("'executionRoleArn'"));
        assertTrue(driver.getMessage().contains("'jobDriver'"));
        assertEquals(0, model.jobRuns().size());
    }

    @Test
    void anUnknownApplicationIsResourceNotFound() {
        EmrApiException error = assertThrows(EmrApiException.class,
                () -> model.startJobRun("us-east-1", "00fnope", request("t1")));

        assertEquals(404, error.httpStatus());
        assertEquals("ResourceNotFoundException", error.errorType());
    }

    @Test
    void throttlingAnswersTheNextCallsThenRecovers() {
        model.faults().throttleNext(JobRunOperation.START_JOB_RUN, 2);

        assertEquals("ThrottlingException", assertThrows(EmrApiException.class, () -> start("t1")).errorType());
        assertEquals(429, assertThrows(EmrApiException.class, () -> start("t1")).httpStatus());
        start("t1");

        assertEquals(3, model.faults().callCount(JobRunOperation.START_JOB_RUN));
        assertEquals(1, model.jobRuns().size());
    }

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

    @Test
    void listFiltersByStateNewestFirst() {
        runner.setDefaultPlan(JobPlan.runUntilCancelled());
        String older = start("t1");
        String newer = start("t2");

        JsonNode all = model.listJobRuns(APP, List.of(), null, null).get("jobRuns");
        JsonNode finished = model.listJobRuns(APP, List.of("SUCCESS"), null, null).get("jobRuns");

        assertEquals(newer, all.get(0).get("id").asText());
        assertEquals(older, all.get(1).get("id").asText());
        assertEquals(0, finished.size());
    }

    @Test
    void resetForgetsRunsAndSilencesThem() throws InterruptedException {
        runner.setDefaultPlan(JobPlan.runUntilCancelled());
        String id = start("t1");
        model.reset();
        int eventsAtReset = events.events.size();
        Thread.sleep(100);

        assertTrue(model.jobRun(APP, id).isEmpty());
        assertEquals(eventsAtReset, events.events.size());
        assertNotEquals(id, start("t1"));
    }
}
