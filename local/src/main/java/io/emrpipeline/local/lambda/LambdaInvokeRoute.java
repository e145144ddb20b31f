package io.emrpipeline.local.lambda;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.emrpipeline.local.BackgroundWork;
import io.emrpipeline.local.http.GatewayRequest;
import io.emrpipeline.local.http.Json;
import io.emrpipeline.local.http.Replies;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lambda's Invoke API ({@code POST /2015-03-31/functions/{name}/invocations}). moto's Step
 * Functions engine calls it for every Lambda task, so this is how ASL reaches our handlers.
 * Shapes follow Lambda: a function error is still HTTP 200, flagged by {@code X-Amz-Function-Error};
 * an unknown function is a 404 ResourceNotFoundException.
 */
public final class LambdaInvokeRoute {

    private static final Pattern INVOKE_PATH = Pattern.compile("^/2015-03-31/functions/([^/]+)/invocations$");

    private final LambdaFunctions functions;
    private final BackgroundWork background;
    private final InFlightTaskTokens taskTokens;

    public LambdaInvokeRoute(LambdaFunctions functions, BackgroundWork background, InFlightTaskTokens taskTokens) {
        this.functions = functions;
        this.background = background;
        this.taskTokens = taskTokens;
    }

    public boolean handles(GatewayRequest request) {
        return request.method().equals("POST") && INVOKE_PATH.matcher(request.rawPath()).matches();
    }

    public void handle(GatewayRequest request, HttpExchange exchange) throws IOException {
        Matcher path = INVOKE_PATH.matcher(request.rawPath());
        if (!path.matches()) {
            throw new IllegalArgumentException("not an Invoke path: " + request.rawPath());
        }
        String function = GatewayRequest.decode(path.group(1));
        if (!functions.exists(function)) {
            notFound(exchange, FunctionNames.arnOf(function, request.region(), functions.accountId()));
            return;
        }
        String invocationType = invocationType(request);
        switch (invocationType) {
            case "Event" -> {
                background.submit(() -> functions.invoke(function, request.body(), "Event"));
                Replies.bytes(exchange, 202, "application/json", new byte[0]);
            }
            case "DryRun" -> Replies.bytes(exchange, 204, "application/json", new byte[0]);
            default -> invokeAndRespond(function, request, exchange);
        }
    }

    private void invokeAndRespond(String function, GatewayRequest request, HttpExchange exchange) throws IOException {
        String taskToken = taskToken(request.body());
        String executionArn = executionArn(request.body());
        if (taskToken != null) {
            taskTokens.begin(taskToken, executionArn);
        }
        try {
            respond(exchange, functions.invoke(function, request.body(), "RequestResponse"));
        } finally {
            if (taskToken != null) {
                taskTokens.end(taskToken, executionArn);
            }
        }
    }

    /** The {@code taskToken} a waitForTaskToken task passes in its payload, if any. */
    /** The execution a waitForTaskToken task's payload names ({@code execution.arn}), if any. */
    private static String executionArn(byte[] payload) {
        try {
            return Json.text(Json.parse(payload).path("execution"), "arn");
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    private static String taskToken(byte[] payload) {
        try {
            return Json.text(Json.parse(payload), "taskToken");
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    private static void respond(HttpExchange exchange, Invocation invocation) throws IOException {
        exchange.getResponseHeaders().set("X-Amz-Executed-Version", "$LATEST");
        if (!invocation.succeeded()) {
            exchange.getResponseHeaders().set("X-Amz-Function-Error", "Unhandled");
        }
        Replies.bytes(exchange, 200, "application/json",
                invocation.responsePayload().getBytes(StandardCharsets.UTF_8));
    }

    private static void notFound(HttpExchange exchange, String arn) throws IOException {
        ObjectNode body = Json.object().put("Type", "User").put("Message", "Function not found: " + arn);
        exchange.getResponseHeaders().set("x-amzn-ErrorType", "ResourceNotFoundException");
        Replies.json(exchange, 404, body);
    }

    private static String invocationType(GatewayRequest request) {
        String type = request.headers().getFirst("X-Amz-Invocation-Type");
        return type == null ? "RequestResponse" : type;
    }
}
