package io.emrpipeline.local.events;

import com.sun.net.httpserver.HttpExchange;
import io.emrpipeline.local.http.GatewayRequest;
import io.emrpipeline.local.http.Json;
import io.emrpipeline.local.http.MotoForwarder;
import java.io.IOException;
import java.net.http.HttpResponse;

/**
 * Step Functions {@code StopExecution}: moto stops the execution, then the gateway publishes the
 * ABORTED status-change event real Step Functions would send (moto sends none), so rules such as
 * CancelOnAbort run locally.
 */
public final class StepFunctionsRoute {

    public static final String STOP_EXECUTION = "AWSStepFunctions.StopExecution";

    private final MotoForwarder moto;
    private final ExecutionStatusEvents statusEvents;

    public StepFunctionsRoute(MotoForwarder moto, ExecutionStatusEvents statusEvents) {
        this.moto = moto;
        this.statusEvents = statusEvents;
    }

    public boolean handles(GatewayRequest request) {
        return STOP_EXECUTION.equals(request.target());
    }

    public void handle(GatewayRequest request, HttpExchange exchange) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = moto.exchange(request);
        if (response.statusCode() == 200) {
            String executionArn = Json.text(Json.parse(request.body()), "executionArn");
            statusEvents.publishIfAborted(executionArn);
        }
        MotoForwarder.reply(response, exchange);
    }
}
