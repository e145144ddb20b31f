package io.emrpipeline.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import io.emrpipeline.core.ExecutionRef;
import io.emrpipeline.core.JobRunKey;
import io.emrpipeline.core.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * JSON in, JSON out, with the few field readers every handler shares. Errors propagate: the
 * Lambda runtime reports the exception's class, which the state machine branches on.
 */
abstract class JsonHandler implements RequestStreamHandler {

    @Override
    public final void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode event = Json.parse(input.readAllBytes());
        Json.MAPPER.writeValue(output, handle(event));
    }

    protected abstract Object handle(JsonNode event);

    static ExecutionRef execution(JsonNode event) {
        JsonNode execution = event.path("execution");
        return new ExecutionRef(Json.text(execution, "arn"), Json.text(execution, "name"));
    }

    static JobRunKey jobRun(JsonNode node) {
        return new JobRunKey(Json.text(node, "applicationId"), Json.text(node, "jobRunId"));
    }
}
