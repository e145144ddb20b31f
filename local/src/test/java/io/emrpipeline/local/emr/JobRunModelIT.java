package io.emrpipeline.local.emr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobRunModelIT extends JobRunModelFixture {

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
