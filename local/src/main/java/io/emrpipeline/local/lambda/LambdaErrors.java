package io.emrpipeline.local.lambda;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.emrpipeline.local.http.Json;

/**
 * The error document the AWS Java runtime returns for an exception that escapes a handler:
 * {@code errorType} is the class's binary name ({@code Class.getName()}, so fully qualified,
 * nested classes with {@code $}); a null message is replaced by that name; each stack frame is
 * {@code StackTraceElement.toString()}. Step Functions uses {@code errorType} as the error name
 * that {@code Catch}/{@code Retry} match.
 */
public final class LambdaErrors {

    private LambdaErrors() {}

    public static String errorType(Throwable error) {
        return error instanceof RuntimeExitError ? RuntimeExitError.ERROR_TYPE : error.getClass().getName();
    }

    public static String errorMessage(Throwable error) {
        String message = error.getLocalizedMessage();
        return message == null ? errorType(error) : message;
    }

    public static ObjectNode document(Throwable error) {
        ObjectNode body = Json.object()
                .put("errorMessage", errorMessage(error))
                .put("errorType", errorType(error));
        ArrayNode trace = body.putArray("stackTrace");
        for (StackTraceElement frame : error.getStackTrace()) {
            trace.add(frame.toString());
        }
        return body;
    }
}
