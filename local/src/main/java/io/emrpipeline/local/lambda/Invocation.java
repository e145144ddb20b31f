package io.emrpipeline.local.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import io.emrpipeline.local.http.Json;
import java.time.Instant;

/**
 * One run of a function, as recorded by the gateway.
 *
 * @param invocationType {@code RequestResponse} or {@code Event}
 * @param responsePayload what the caller received: the handler's output, or the Lambda error document
 * @param errorType the exception class name the Java runtime reports, or null when the handler returned
 */
public record Invocation(
        String requestId,
        String functionName,
        String invocationType,
        String input,
        String responsePayload,
        String errorType,
        String errorMessage,
        Instant startedAt,
        Instant endedAt) {

    public boolean succeeded() {
        return errorType == null;
    }

    public JsonNode inputJson() {
        return Json.parse(input);
    }

    /** The handler's output as JSON; null for a failed invocation or an empty output. */
    public JsonNode outputJson() {
        return succeeded() && responsePayload != null && !responsePayload.isEmpty() ? Json.parse(responsePayload) : null;
    }
}
