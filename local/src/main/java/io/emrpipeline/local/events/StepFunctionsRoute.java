package io.emrpipeline.local.events;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import io.emrpipeline.local.http.GatewayRequest;
import io.emrpipeline.local.http.Json;
import io.emrpipeline.local.http.MotoForwarder;
import io.emrpipeline.local.http.Replies;
import io.emrpipeline.local.lambda.InFlightTaskTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.Set;

/**
 * Step Functions {@code StopExecution}: moto stops the execution, then the gateway publishes the
 * ABORTED status-change event real Step Functions would send (moto sends none), so rules such as
 * CancelOnAbort run locally. Task callbacks for a token whose invocation is still running are
 * held back until it answered ({@link InFlightTaskTokens} says why).
 */
public final class StepFunctionsRoute {

    public static final String STOP_EXECUTION = "AWSStepFunctions.StopExecution";

    private static final Set<String> TASK_ANSWERS = Set.of("AWSStepFunctions.SendTaskSuccess",
            "AWSStepFunctions.SendTaskFailure");
    private static final Set<String> TASK_CALLBACKS = Set.of("AWSStepFunctions.SendTaskSuccess",
            "AWSStepFunctions.SendTaskFailure", "AWSStepFunctions.SendTaskHeartbeat");

    private static final int NUDGE_ATTEMPTS = 50;
    /** Longest a stop waits for the execution's callback invocation to answer (that function's timeout). */
    private static final long STOP_HOLD_MILLIS = 60_000;
    private static final long NUDGE_INTERVAL_MILLIS = 200;

    private final MotoForwarder moto;
    private final ExecutionStatusEvents statusEvents;
    private final InFlightTaskTokens taskTokens;
    private final AnsweredTaskTokens answered = new AnsweredTaskTokens();

    public StepFunctionsRoute(MotoForwarder moto, ExecutionStatusEvents statusEvents, InFlightTaskTokens taskTokens) {
        this.moto = moto;
        this.statusEvents = statusEvents;
        this.taskTokens = taskTokens;
    }

    /** The ledger of answered task tokens (Step Functions refuses a second answer; moto does not). */
    public AnsweredTaskTokens answeredTokens() {
        return answered;
    }

    public boolean handles(GatewayRequest request) {
        return STOP_EXECUTION.equals(request.target()) || TASK_CALLBACKS.contains(request.target());
    }

    public void handle(GatewayRequest request, HttpExchange exchange) throws IOException, InterruptedException {
        if (TASK_CALLBACKS.contains(request.target())) {
            callback(request, exchange);
            return;
        }
        String executionArn = Json.text(Json.parse(request.body()), "executionArn");
        if (executionArn != null) {
            taskTokens.awaitArmed(executionArn, STOP_HOLD_MILLIS);
        }
        HttpResponse<byte[]> response = moto.exchange(request);
        if (response.statusCode() == 200) {
            statusEvents.publishIfAborted(executionArn);
        }
        MotoForwarder.reply(response, exchange);
    }

    private void callback(GatewayRequest request, HttpExchange exchange) throws IOException, InterruptedException {
        String taskToken = Json.text(Json.parse(request.body()), "taskToken");
        if (taskToken != null && TASK_ANSWERS.contains(request.target()) && !answered.accept(taskToken)) {
            Replies.jsonProtocolError(exchange, 400, "TaskTimedOut", "Task Timed Out: 'Provided task does not exist anymore'");
            return;
        }
        boolean deferred = taskToken != null && taskTokens.deferIfInFlight(taskToken, () -> {
            try {
                moto.exchange(request);
                nudgeUntilArmed(request, taskToken);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        if (deferred) {
            Replies.json(exchange, 200, Json.object());
        } else {
            moto.forward(request, exchange);
        }
    }

    /**
     * A callback recorded before moto armed its heartbeat listener only surfaces when that
     * listener is woken: send heartbeats (which wake it) until moto accepts one (armed) or says
     * the task is gone. moto answers InvalidToken while the listener is not armed yet.
     */
    private void nudgeUntilArmed(GatewayRequest callback, String taskToken) throws IOException, InterruptedException {
        Headers headers = new Headers();
        callback.headers().forEach(headers::put);
        headers.set("X-Amz-Target", "AWSStepFunctions.SendTaskHeartbeat");
        GatewayRequest heartbeat = new GatewayRequest("POST", callback.rawPath(), callback.rawQuery(), headers,
                Json.bytes(Json.object().put("taskToken", taskToken)));
        for (int attempt = 0; attempt < NUDGE_ATTEMPTS; attempt++) {
            HttpResponse<byte[]> response = moto.exchange(heartbeat);
            String body = new String(response.body(), java.nio.charset.StandardCharsets.UTF_8);
            if (response.statusCode() == 200 || !body.contains("InvalidToken")) {
                return;
            }
            Thread.sleep(NUDGE_INTERVAL_MILLIS);
        }
    }
}
