package io.emrpipeline.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import io.emrpipeline.core.JobRunCompletion;
import io.emrpipeline.core.Json;

/**
 * Target of the EventBridge rule on "EMR Serverless Job Run State Change". Delivery is at
 * least once and unordered; the domain makes duplicates and stale events no-ops.
 */
public final class JobStateChangeHandler extends JsonHandler {

    private final JobRunCompletion completion;

    public JobStateChangeHandler() {
        this(Pipeline.fromEnvironment());
        ColdStart.report();
    }

    public JobStateChangeHandler(Pipeline pipeline) {
        this.completion = pipeline.completion();
    }

    @Override
    protected Object handle(JsonNode event) {
        JsonNode detail = event.path("detail");
        var action = completion.onStateChange(jobRun(detail), Json.text(detail, "state"));
        return Json.object().put("action", action.name());
    }
}
