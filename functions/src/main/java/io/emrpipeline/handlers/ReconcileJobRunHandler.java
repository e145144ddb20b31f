package io.emrpipeline.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import io.emrpipeline.core.JobRunCompletion;

/**
 * State 3, when AwaitJobRun timed out (the job's own timeout plus a margin): one GetJobRun; returns the same outcome the event
 * path would have sent (status RUNNING sends the machine back to wait).
 */
public final class ReconcileJobRunHandler extends JsonHandler {

    private final JobRunCompletion completion;

    public ReconcileJobRunHandler() {
        this(Pipeline.fromEnvironment());
        ColdStart.report();
    }

    public ReconcileJobRunHandler(Pipeline pipeline) {
        this.completion = pipeline.completion();
    }

    @Override
    protected Object handle(JsonNode event) {
        return completion.reconcile(jobRun(event), execution(event).arn());
    }
}
