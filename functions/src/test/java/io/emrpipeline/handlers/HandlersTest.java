package io.emrpipeline.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.emrpipeline.contract.Contract;
import io.emrpipeline.core.Json;
import io.emrpipeline.core.fakes.FakeLambdaContext;
import io.emrpipeline.core.fakes.FakePipeline;
import io.emrpipeline.core.fakes.Fixtures;
import io.emrpipeline.errors.InvalidJobRequest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.emrserverless.model.ApplicationState;
import software.amazon.awssdk.services.emrserverless.model.JobRunState;

/**
 * Each handler fed the exact JSON it receives (events/emr-serverless and events/step-functions
 * from EventBridge, events/state-machine as pipeline.asl.json builds it), over the domain core on
 * in-memory fakes; its answer checked against what the state machine reads from it.
 */
class HandlersTest {

    private static final String APP = "00fq2rhm4nqa3l09";
    private static final String RUN = "00fq2rk3l7gs0b09";
    private static final Map<String, String> STATUS_OF_TERMINAL_STATE =
            Map.of("SUCCESS", "SUCCEEDED", "FAILED", "FAILED", "CANCELLED", "CANCELLED");

    private final FakePipeline fake = new FakePipeline();
    private final Pipeline pipeline = fake.pipeline();

    HandlersTest() {
        fake.emr().withApplication(APP, "analytics", ApplicationState.STARTED)
                .withJobRun(APP, RUN, "wordcount:exec-0001", JobRunState.RUNNING);
    }

    @Test
    void submitAnswersEveryFieldTheStateMachineSelects() {
        JsonNode answer = invoke(new SubmitJobRunHandler(pipeline), "SubmitJobRun", Fixtures.event("state-machine/submit-job-run.json"));

        for (String field : AslStates.payloadFieldsSelectedBy("SubmitJobRun")) {
            assertTrue(answer.hasNonNull(field), "SubmitJobRun selects $.Payload." + field + " from " + answer);
        }
        assertEquals(APP, answer.path("applicationId").asText());
        assertEquals("wordcount:exec-0001", answer.path("jobRunName").asText());
        assertEquals(JobRunState.SUBMITTED, fake.emr().jobRun(APP, answer.path("jobRunId").asText()).state());
    }

    @Test
    void anInvalidRequestFailsWithTheErrorTheStateMachineCatches() {
        ObjectNode payload = Fixtures.event("state-machine/submit-job-run.json");
        payload.set("request", Fixtures.request("invalid-many-fields.json"));

        InvalidJobRequest error = assertThrows(InvalidJobRequest.class,
                () -> invoke(new SubmitJobRunHandler(pipeline), "SubmitJobRun", payload));

        assertTrue(AslStates.errorsHandledBy("SubmitJobRun").contains(error.getClass().getName()),
                "the Lambda runtime reports the class name; SubmitJobRun must catch " + error.getClass().getName());
        assertTrue(error.getMessage().contains("no job was started"), error.getMessage());
        assertEquals(1, fake.emr().jobRuns().size(), "only the run that was there before");
    }

    @Test
    void aPayloadWithoutTheExecutionSaysWhatTheStateMachineMustPass() {
        ObjectNode payload = Fixtures.event("state-machine/submit-job-run.json");
        payload.remove("execution");

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> invoke(new SubmitJobRunHandler(pipeline), "SubmitJobRun", payload));

        assertTrue(error.getMessage().contains("$$.Execution.Id and $$.Execution.Name"), error.getMessage());
    }

    @Test
    void awaitStoresTheTokenWhileTheJobRuns() {
        JsonNode answer = invoke(new AwaitJobRunHandler(pipeline), "AwaitJobRun", Fixtures.event("state-machine/await-job-run.json"));

        assertEquals(Json.object().put("action", "STORED_WAITING"), answer);
        assertEquals(List.of(), fake.tasks().sent());
    }

    @Test
    void awaitCompletesAtOnceWithTheOutcomeTheStateMachineRoutesOn() {
        fake.emr().moveTo(APP, RUN, JobRunState.SUCCESS, null);
        ObjectNode payload = Fixtures.event("state-machine/await-job-run.json");

        JsonNode answer = invoke(new AwaitJobRunHandler(pipeline), "AwaitJobRun", payload);

        assertEquals(Json.object().put("action", "COMPLETED"), answer);
        assertEquals(payload.path("taskToken").asText(), fake.tasks().sent().get(0).taskToken());
        JsonNode outcome = fake.tasks().sent().get(0).output();
        assertEquals("SUCCEEDED", outcome.path("status").asText());
        for (String field : AslStates.payloadFieldsSelectedBy("ReconcileJobRun")) {
            assertTrue(outcome.has(field), "the callback and ReconcileJobRun both become $.outcome; missing " + field);
        }
    }

    @Test
    void awaitWithoutATokenSaysWhichOneItNeeds() {
        ObjectNode payload = Fixtures.event("state-machine/await-job-run.json");
        payload.remove("taskToken");

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> invoke(new AwaitJobRunHandler(pipeline), "AwaitJobRun", payload));

        assertTrue(error.getMessage().contains("$$.Task.Token"), error.getMessage());
    }

    static Stream<Named<ObjectNode>> jobRunStateChanges() {
        return Fixtures.folder("emr-serverless");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jobRunStateChanges")
    void aStateChangeEventCompletesTheWaitOnlyWhenTheJobEnded(ObjectNode event) {
        JsonNode detail = event.path("detail");
        String state = detail.path("state").asText();
        invoke(new AwaitJobRunHandler(pipeline), "AwaitJobRun", Fixtures.event("state-machine/await-job-run.json"));
        fake.emr().moveTo(detail.path("applicationId").asText(), detail.path("jobRunId").asText(),
                JobRunState.fromValue(state), Json.text(detail, "stateDetails"));

        JsonNode answer = invoke(new JobStateChangeHandler(pipeline), "JobStateChange", event);

        if (!Contract.get().isTerminal(state)) {
            assertEquals(Json.object().put("action", "NOT_TERMINAL"), answer);
            assertEquals(List.of(), fake.tasks().sent());
            assertEquals(List.of(), fake.events().published());
            return;
        }
        assertEquals(Json.object().put("action", "COMPLETED"), answer);
        JsonNode outcome = fake.tasks().sent().get(0).output();
        assertEquals(STATUS_OF_TERMINAL_STATE.get(state), outcome.path("status").asText());
        assertEquals(detail.path("jobRunId").asText(), outcome.path("jobRun").path("jobRunId").asText());
        if (detail.hasNonNull("stateDetails")) {
            assertTrue(outcome.path("cause").asText().contains(detail.path("stateDetails").asText()), outcome.toString());
        }
        assertEquals(1, fake.events().published().size(), "one domain event per ended job run");
    }

    @Test
    void reconcileAnswersEveryFieldTheStateMachineSelectsEvenWhileRunning() {
        JsonNode answer = invoke(new ReconcileJobRunHandler(pipeline), "ReconcileJobRun",
                Fixtures.event("state-machine/reconcile-job-run.json"));

        for (String field : AslStates.payloadFieldsSelectedBy("ReconcileJobRun")) {
            assertTrue(answer.has(field), "ReconcileJobRun selects $.Payload." + field + " from " + answer);
        }
        assertEquals("RUNNING", answer.path("status").asText(), "RouteOutcome sends RUNNING back to AwaitJobRun");
    }

    @Test
    void reconcileOfAFailedJobGivesTheCauseTheFailStateShows() {
        fake.emr().moveTo(APP, RUN, JobRunState.FAILED, "ExitCode: 1");

        JsonNode answer = invoke(new ReconcileJobRunHandler(pipeline), "ReconcileJobRun",
                Fixtures.event("state-machine/reconcile-job-run.json"));

        assertEquals("FAILED", answer.path("status").asText());
        assertTrue(answer.path("cause").asText().contains("ended FAILED: ExitCode: 1"), answer.toString());
        assertEquals(List.of("Job Run Failed"), fake.events().detailTypes());
    }

    static Stream<Named<ObjectNode>> cancelRequests() {
        return Stream.concat(Fixtures.folder("step-functions"), Stream.of(Fixtures.named("state-machine/cancel-job-run.json")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cancelRequests")
    void cancelStopsTheJobOfTheExecutionTheEventNames(ObjectNode event) {
        String jobRunId = invoke(new SubmitJobRunHandler(pipeline), "SubmitJobRun",
                Fixtures.event("state-machine/submit-job-run.json")).path("jobRunId").asText();

        JsonNode answer = invoke(new CancelJobRunHandler(pipeline), "CancelJobRun", event);

        ObjectNode expected = Json.object().put("executionName", "exec-0001");
        expected.putArray("cancelled").add(jobRunId);
        assertEquals(expected, answer);
        assertEquals(List.of(jobRunId), fake.emr().cancelRequests(), "the seeded run of no execution is left alone");
    }

    @Test
    void cancelOfAnExecutionThatStartedNothingCancelsNothing() {
        JsonNode answer = invoke(new CancelJobRunHandler(pipeline), "CancelJobRun", Fixtures.event("step-functions/execution-aborted.json"));

        assertEquals(Json.object().put("executionName", "exec-0001").set("cancelled", Json.MAPPER.createArrayNode()), answer);
        assertEquals(List.of(), fake.emr().cancelRequests());
    }

    @Test
    void cancelWithoutAnExecutionNameSaysWhatItExpects() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> invoke(new CancelJobRunHandler(pipeline), "CancelJobRun", Json.object().put("execution", "exec-0001")));

        assertTrue(error.getMessage().contains("detail.name") && error.getMessage().contains("executionName"), error.getMessage());
    }

    /** One invocation as the Lambda runtime makes it: JSON bytes in, JSON bytes out. */
    private static JsonNode invoke(RequestStreamHandler handler, String function, JsonNode event) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(Json.bytes(event)), output,
                    new FakeLambdaContext(Contract.get().function(function).kebabName()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Json.parse(output.toByteArray());
    }
}
