package io.emrpipeline.local.lambda.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.emrpipeline.local.http.Json;
import io.emrpipeline.local.lambda.FunctionRunner.Outcome;
import java.util.Set;

/**
 * Turns what the runtime interface emulator answers into what Lambda's Invoke API answers. The
 * emulator drops the runtime's {@code X-Amz-Function-Error} header and reports a timeout as plain
 * text, so the error shapes Lambda gives callers (and Step Functions matches) are rebuilt here:
 * a handler's exception is its error document, a timeout is {@code Sandbox.Timedout}, a runtime
 * that died is {@code Runtime.ExitError} (the emulator's own 502 document).
 */
final class InvokeResponses {

    /** The fields of the runtime's error document; a handler's own output never has only these. */
    private static final Set<String> ERROR_FIELDS = Set.of("errorType", "errorMessage", "stackTrace", "cause");
    private static final String TIMED_OUT = "Task timed out after ";
    /**
     * What the runtime interface client calls a handler string it cannot call (no such public
     * method, say): its document then has no errorType, and the type goes in a header the emulator
     * drops. The caller still gets the document as the runtime wrote it.
     */
    static final String BAD_FUNCTION_CODE = "Runtime.BadFunctionCode";

    private InvokeResponses() {}

    static Outcome outcome(int status, String body, String requestId) {
        if (body.startsWith(TIMED_OUT)) {
            return Outcome.failure(error("Sandbox.Timedout", "RequestId: " + requestId + " Error: " + body.trim()));
        }
        JsonNode document = errorDocument(body);
        if (document != null) {
            return document.path("errorType").isTextual() ? Outcome.failure(document)
                    : new Outcome(body, BAD_FUNCTION_CODE, document.path("errorMessage").asText());
        }
        if (status != 200) {
            return Outcome.failure(error("Runtime.Unknown", "RequestId: " + requestId + " Error: " + status + " " + body));
        }
        return Outcome.success(body);
    }

    /** The environment's runtime went away mid-invocation (the emulator itself died). */
    static Outcome runtimeExited(String requestId, String reason) {
        return Outcome.failure(error("Runtime.ExitError", "RequestId: " + requestId + " Error: Runtime exited: " + reason));
    }

    private static JsonNode errorDocument(String body) {
        JsonNode json;
        try {
            json = Json.parse(body);
        } catch (IllegalArgumentException notJson) {
            return null;
        }
        if (!json.isObject() || !json.path("errorType").isTextual() && !json.path("errorMessage").isTextual()) {
            return null;
        }
        var fields = json.fieldNames();
        while (fields.hasNext()) {
            if (!ERROR_FIELDS.contains(fields.next())) {
                return null;
            }
        }
        return json;
    }

    private static ObjectNode error(String type, String message) {
        return Json.object().put("errorType", type).put("errorMessage", message);
    }
}
