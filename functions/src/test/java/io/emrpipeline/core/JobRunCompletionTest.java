package io.emrpipeline.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.emrpipeline.core.JobRunCompletion.Action;
import io.emrpipeline.core.fakes.FakePipeline;
import io.emrpipeline.core.fakes.SdkFailures;
import io.emrpipeline.errors.EmrThrottled;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.emrserverless.model.ApplicationState;
import software.amazon.awssdk.services.emrserverless.model.JobRunState;

class JobRunCompletionTest {

    private static final String APP = "00fq2rhm4nqa3l09";
    private static final String RUN = "00fq2rk3l7gs0b09";
    private static final JobRunKey KEY = new JobRunKey(APP, RUN);
    private static final String EXECUTION_ARN = "arn:aws:states:eu-west-1:111122223333:execution:emr-pipeline:exec-0001";
    private static final Callbacks.Callback WAIT = new Callbacks.Callback("token-1", EXECUTION_ARN);
    private static final String CALLBACK_KEY = "callbacks/" + APP + "/" + RUN + ".json";

    private final FakePipeline pipeline = new FakePipeline();
    private final JobRunCompletion completion = pipeline.completion();

    JobRunCompletionTest() {
        pipeline.emr().withApplication(APP, "analytics", ApplicationState.STARTED)
                .withJobRun(APP, RUN, "wordcount:exec-0001", JobRunState.RUNNING);
    }

    @Test
    void awaitingARunningJobStoresTheTokenAndSendsNothing() {
        assertEquals(Action.STORED_WAITING, completion.await(KEY, WAIT));

        assertEquals("token-1", pipeline.bucket().json(CALLBACK_KEY).orElseThrow().path("taskToken").asText());
        assertEquals(List.of(), pipeline.tasks().sent());
        assertEquals(List.of(), pipeline.events().published());
    }

    @Test
    void awaitingAJobThatAlreadyEndedCompletesAtOnce() {
        pipeline.emr().moveTo(APP, RUN, JobRunState.SUCCESS, null);

        assertEquals(Action.COMPLETED, completion.await(KEY, WAIT));

        assertEquals(List.of("token-1"), sentTokens());
        assertEquals("SUCCEEDED", sentOutput().path("status").asText());
        assertEquals(List.of("Job Run Succeeded"), pipeline.events().detailTypes());
        assertTrue(pipeline.bucket().json(CALLBACK_KEY).isEmpty(), "the token is spent: nothing left to complete");
    }

    @Test
    void theTerminalEventSendsTheOutcomeToTheStoredWaitOnce() {
        completion.await(KEY, WAIT);
        pipeline.emr().moveTo(APP, RUN, JobRunState.FAILED, "ExitCode: 1. ZeroDivisionError");

        assertEquals(Action.COMPLETED, completion.onStateChange(KEY, "FAILED"));
        assertEquals(Action.NO_CALLBACK, completion.onStateChange(KEY, "FAILED"), "EventBridge delivers at least once");

        assertEquals(List.of("token-1"), sentTokens());
        JsonNode outcome = sentOutput();
        assertEquals("FAILED", outcome.path("status").asText());
        assertTrue(outcome.path("cause").asText().contains("ExitCode: 1. ZeroDivisionError"), outcome.toString());
        assertEquals(RUN, outcome.path("jobRun").path("jobRunId").asText());
        assertEquals(List.of("Job Run Failed"), pipeline.events().detailTypes());
        JsonNode event = pipeline.events().published().get(0).detail();
        assertEquals(EXECUTION_ARN, event.path("executionArn").asText());
        assertEquals("ExitCode: 1. ZeroDivisionError", event.path("stateDetails").asText());
    }

    @Test
    void anEventForARunNobodyWaitsForSendsNothing() {
        pipeline.emr().moveTo(APP, RUN, JobRunState.SUCCESS, null);

        assertEquals(Action.NO_CALLBACK, completion.onStateChange(KEY, "SUCCESS"));

        assertEquals(List.of(), pipeline.tasks().sent());
        assertEquals(List.of(), pipeline.events().published());
    }

    @Test
    void aNonTerminalEventDoesNothing() {
        completion.await(KEY, WAIT);

        assertEquals(Action.NOT_TERMINAL, completion.onStateChange(KEY, "RUNNING"));

        assertEquals(List.of(), pipeline.tasks().sent());
        assertTrue(pipeline.bucket().json(CALLBACK_KEY).isPresent(), "the wait stays stored for the real end");
    }

    @Test
    void aTerminalEventTheJobRunDoesNotConfirmIsIgnored() {
        completion.await(KEY, WAIT);

        assertEquals(Action.NOT_TERMINAL, completion.onStateChange(KEY, "SUCCESS"), "GetJobRun still says RUNNING");

        assertEquals(List.of(), pipeline.tasks().sent());
        assertTrue(pipeline.bucket().json(CALLBACK_KEY).isPresent());
    }

    @Test
    void aClosedTokenIsNotAnErrorAndTheEndIsStillTold() {
        completion.await(KEY, WAIT);
        pipeline.tasks().close("token-1");
        pipeline.emr().moveTo(APP, RUN, JobRunState.SUCCESS, null);

        assertEquals(Action.ALREADY_CLOSED, completion.onStateChange(KEY, "SUCCESS"));

        assertEquals(1, pipeline.tasks().refused());
        assertEquals(1, pipeline.events().published().size(), "the claim holder tells the end even if the execution left");
        assertTrue(pipeline.bucket().json(CALLBACK_KEY).isEmpty());
    }

    @Test
    void aThrottledLookDuringAwaitKeepsTheTokenForTheEvent() {
        pipeline.emr().failNext("GetJobRun", SdkFailures.throttling());

        assertThrows(EmrThrottled.class, () -> completion.await(KEY, WAIT));
        pipeline.emr().moveTo(APP, RUN, JobRunState.SUCCESS, null);

        assertEquals(Action.COMPLETED, completion.onStateChange(KEY, "SUCCESS"));
        assertEquals(List.of("token-1"), sentTokens());
    }

    @Test
    void reconcileOfARunningJobSaysRunningAndPublishesNothing() {
        ObjectNode outcome = completion.reconcile(KEY, EXECUTION_ARN);

        assertEquals("RUNNING", outcome.path("status").asText());
        assertEquals(List.of(), pipeline.events().published());
    }

    @Test
    void reconcileOfAnEndedJobReturnsItsOutcomeAndReportsTheEndOnce() {
        completion.await(KEY, WAIT);
        pipeline.tasks().close("token-1");
        pipeline.emr().moveTo(APP, RUN, JobRunState.CANCELLED, "Job run cancelled by user");

        ObjectNode outcome = completion.reconcile(KEY, EXECUTION_ARN);
        Action lateEvent = completion.onStateChange(KEY, "CANCELLED");

        assertEquals("CANCELLED", outcome.path("status").asText());
        assertTrue(outcome.path("cause").asText().contains("Job run cancelled by user"), outcome.toString());
        assertEquals(List.of("Job Run Cancelled"), pipeline.events().detailTypes());
        assertEquals(Action.NO_CALLBACK, lateEvent, "the event that was late finds nothing left to do");
        assertEquals(List.of(), pipeline.tasks().sent());
    }

    private List<String> sentTokens() {
        return pipeline.tasks().sent().stream().map(sent -> sent.taskToken()).toList();
    }

    private JsonNode sentOutput() {
        return pipeline.tasks().sent().get(0).output();
    }
}
