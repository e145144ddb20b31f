package io.emrpipeline.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import io.emrpipeline.core.JobRunCanceller;
import io.emrpipeline.core.Json;

/**
 * Cancels an execution's job run. Two callers: the EventBridge rule on this state machine's
 * ABORTED / TIMED_OUT executions (CancelOnAbort; the event's {@code detail.name}), and the state
 * machine's own failure paths ({@code {executionName}}).
 */
public final class CancelJobRunHandler extends JsonHandler {

    private final JobRunCanceller canceller;

    public CancelJobRunHandler() {
        this(Pipeline.fromEnvironment());
        ColdStart.report();
    }

    public CancelJobRunHandler(Pipeline pipeline) {
        this.canceller = pipeline.canceller();
    }

    @Override
    protected Object handle(JsonNode event) {
        String executionName = event.has("detail") ? Json.text(event.path("detail"), "name") : Json.text(event, "executionName");
        if (executionName == null) {
            throw new IllegalArgumentException("expected an execution status event (detail.name) or {executionName}");
        }
        logContext("executionName", executionName);
        var result = Json.object().put("executionName", executionName);
        canceller.cancelFor(executionName).forEach(result.putArray("cancelled")::add);
        return result;
    }
}
