package io.emrpipeline.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import io.emrpipeline.core.JobRunSubmitter;

/** State 1: input {@code {request, execution: {arn, name}}}; output the submitted job run. */
public final class SubmitJobRunHandler extends JsonHandler {

    private final JobRunSubmitter submitter;

    public SubmitJobRunHandler() {
        this(Pipeline.fromEnvironment());
        ColdStart.report();
    }

    public SubmitJobRunHandler(Pipeline pipeline) {
        this.submitter = pipeline.submitter();
    }

    @Override
    protected Object handle(JsonNode event) {
        return submitter.submit(event.get("request"), execution(event));
    }
}
