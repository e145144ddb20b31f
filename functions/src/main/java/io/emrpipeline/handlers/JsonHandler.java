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
import org.apache.logging.log4j.ThreadContext;

/**
 * JSON in, JSON out, with the few field readers every handler shares. Errors propagate: the
 * Lambda runtime reports the exception's class, which the state machine branches on.
 *
 * <p>Every log line of an invocation carries its Lambda request id and function name, and the
 * execution name, application id and job run id once a field reader below has read them: they
 * sit in log4j's ThreadContext from the reading until the invocation ends. Public, with a public
 * {@code handleRequest}, because the Lambda runtime calls it reflectively through the subclass.
 */
public abstract class JsonHandler implements RequestStreamHandler {

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        logContext("requestId", context.getAwsRequestId());
        logContext("functionName", context.getFunctionName());
        try {
            JsonNode event = Json.parse(input.readAllBytes());
            Json.MAPPER.writeValue(output, handle(event));
        } finally {
            // The runtime reuses this thread for the next invocation.
            ThreadContext.clearMap();
        }
    }

    protected abstract Object handle(JsonNode event);

    static ExecutionRef execution(JsonNode event) {
        JsonNode execution = event.path("execution");
        ExecutionRef ref = new ExecutionRef(Json.text(execution, "arn"), Json.text(execution, "name"));
        logContext("executionName", ref.name());
        return ref;
    }

    static JobRunKey jobRun(JsonNode node) {
        JobRunKey run = new JobRunKey(Json.text(node, "applicationId"), Json.text(node, "jobRunId"));
        logContext("applicationId", run.applicationId());
        logContext("jobRunId", run.jobRunId());
        return run;
    }

    /** Adds an id to every further log line of this invocation; ids only, never tokens or credentials. */
    static void logContext(String key, String value) {
        if (value != null) {
            ThreadContext.put(key, value);
        }
    }
}
