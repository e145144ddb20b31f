package io.emrpipeline.local.lambda.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.emrpipeline.local.http.Json;
import io.emrpipeline.local.lambda.FunctionRunner.Outcome;
import org.junit.jupiter.api.Test;

/**
 * What callers of Invoke (Step Functions above all) get for each answer of AWS's runtime interface
 * emulator. The bodies are the emulator's, as aws-lambda-rie answers with the runtime interface
 * client behind it: its status code, and its body as it sends it.
 */
class InvokeResponsesTest {

    private static final String REQUEST_ID = "9bbca93c-b178-442b-a40a-b31c2b045b1a";

    @Test
    void aHandlersJsonOutputIsPassedOnAsSuccess() {
        String output = "{\"applicationId\":\"00fq2rhm4nqa3l09\",\"jobRunId\":\"00fq2rk3l7gs0b09\"}";

        Outcome outcome = InvokeResponses.outcome(200, output, REQUEST_ID);

        assertNull(outcome.errorType());
        assertEquals(output, outcome.payload());
    }

    @Test
    void aHandlersExceptionIsItsErrorDocumentWithTheFullyQualifiedClass() {
        String document = "{\"errorMessage\":\"$.timeoutMinutes: must be at least 1\","
                + "\"errorType\":\"io.emrpipeline.errors.InvalidJobRequest\","
                + "\"stackTrace\":[\"io.emrpipeline.core.JobRequestValidator.validate(JobRequestValidator.java:41)\"]}";

        Outcome outcome = InvokeResponses.outcome(200, document, REQUEST_ID);

        assertEquals("io.emrpipeline.errors.InvalidJobRequest", outcome.errorType());
        assertEquals("$.timeoutMinutes: must be at least 1", outcome.errorMessage());
        assertEquals(Json.parse(document), Json.parse(outcome.payload()), "the caller gets the document as the runtime wrote it");
    }

    @Test
    void aHandlerClassThatIsNotThereIsTheLoadersException() {
        String document = "{\"errorMessage\":\"Class not found: io.emrpipeline.handlers.SubmitJobRunHandlr\","
                + "\"errorType\":\"java.lang.ClassNotFoundException\"}";

        Outcome outcome = InvokeResponses.outcome(200, document, REQUEST_ID);

        assertEquals("java.lang.ClassNotFoundException", outcome.errorType());
    }

    @Test
    void aHandlerMethodThatIsNotThereFailsThoughTheRuntimeNamesNoErrorType() {
        String document = "{\"errorMessage\":\"No public method named handle with appropriate method signature found"
                + " on class io.emrpipeline.handlers.SubmitJobRunHandler\"}";

        Outcome outcome = InvokeResponses.outcome(200, document, REQUEST_ID);

        assertEquals(InvokeResponses.BAD_FUNCTION_CODE, outcome.errorType());
        assertTrue(outcome.errorMessage().startsWith("No public method named handle"), outcome::errorMessage);
        assertEquals(document, outcome.payload());
    }

    @Test
    void theEmulatorsTimeoutTextBecomesSandboxTimedout() {
        Outcome outcome = InvokeResponses.outcome(200, "Task timed out after 3.00 seconds", REQUEST_ID);

        assertEquals("Sandbox.Timedout", outcome.errorType());
        assertEquals("RequestId: " + REQUEST_ID + " Error: Task timed out after 3.00 seconds", outcome.errorMessage());
        assertEquals("Sandbox.Timedout", Json.parse(outcome.payload()).path("errorType").asText(),
                "Step Functions reads the error name from the payload");
    }

    @Test
    void aRuntimeThatDiedIsTheEmulatorsExitErrorDocument() {
        String document = "{\"errorType\":\"Runtime.ExitError\",\"errorMessage\":\"RequestId: " + REQUEST_ID
                + " Error: Runtime exited with error: signal: killed\"}";

        Outcome outcome = InvokeResponses.outcome(502, document, REQUEST_ID);

        assertEquals("Runtime.ExitError", outcome.errorType());
        assertTrue(outcome.errorMessage().endsWith("signal: killed"), outcome::errorMessage);
    }

    @Test
    void anOutputThatMerelyHasAnErrorTypeFieldIsSuccess() {
        String output = "{\"errorType\":\"EmrJobFailed\",\"status\":\"FAILED\",\"cause\":\"ZeroDivisionError\"}";

        Outcome outcome = InvokeResponses.outcome(200, output, REQUEST_ID);

        assertNull(outcome.errorType(), "a handler may return a field named errorType among its own");
        assertEquals(output, outcome.payload());
    }

    @Test
    void anOutputThatIsNotJsonIsSuccess() {
        Outcome outcome = InvokeResponses.outcome(200, "plain words", REQUEST_ID);

        assertNull(outcome.errorType());
        assertEquals("plain words", outcome.payload());
    }

    @Test
    void anEmptyOutputIsSuccess() {
        assertNull(InvokeResponses.outcome(200, "", REQUEST_ID).errorType(), "a handler that writes nothing succeeded");
    }

    @Test
    void anyOtherEmulatorFailureIsNeverSuccess() {
        Outcome outcome = InvokeResponses.outcome(500, "internal error", REQUEST_ID);

        assertEquals("Runtime.Unknown", outcome.errorType());
        assertTrue(outcome.errorMessage().contains("500 internal error"), outcome::errorMessage);
    }
}
