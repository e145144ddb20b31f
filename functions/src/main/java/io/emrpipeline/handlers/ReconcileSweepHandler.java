package io.emrpipeline.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import io.emrpipeline.core.ReconcileSweep;

/**
 * Target of the deployment's schedule rule (every {@code reconcileMinutes}): finishes the ends whose
 * events were lost. The scheduled event's content does not matter.
 */
public final class ReconcileSweepHandler extends JsonHandler {

    private final ReconcileSweep sweep;

    public ReconcileSweepHandler() {
        this(Pipeline.fromEnvironment());
    }

    public ReconcileSweepHandler(Pipeline pipeline) {
        this.sweep = pipeline.sweep();
    }

    @Override
    protected Object handle(JsonNode event) {
        return sweep.sweep();
    }
}
