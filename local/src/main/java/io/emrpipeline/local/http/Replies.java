package io.emrpipeline.local.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.util.UUID;

/**
 * Writes responses the way AWS services shape them, so SDK clients deserialize the gateway's
 * answers (and its errors) exactly as they would the real service's.
 */
public final class Replies {

    private Replies() {}

    public static void json(HttpExchange exchange, int status, JsonNode body) throws IOException {
        bytes(exchange, status, "application/json", Json.bytes(body));
    }

    public static void bytes(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
        boolean noBody = body.length == 0;
        exchange.sendResponseHeaders(status, noBody ? -1 : body.length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
        exchange.close();
    }

    /**
     * A REST-JSON error (EMR Serverless, Lambda): the SDK reads the error code from the
     * {@code x-amzn-ErrorType} header and the message from the body's {@code message}.
     */
    public static void restJsonError(HttpExchange exchange, int status, String errorType, String message)
            throws IOException {
        exchange.getResponseHeaders().set("x-amzn-ErrorType", errorType);
        ObjectNode body = Json.object().put("message", message);
        json(exchange, status, body);
    }

    /** A JSON 1.0/1.1 error (EventBridge, Step Functions): the code travels in the body's {@code __type}. */
    public static void jsonProtocolError(HttpExchange exchange, int status, String errorType, String message)
            throws IOException {
        ObjectNode body = Json.object().put("__type", errorType).put("message", message);
        bytes(exchange, status, "application/x-amz-json-1.0", Json.bytes(body));
    }
}
