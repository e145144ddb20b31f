package io.emrpipeline.errors;

/**
 * EMR Serverless throttled the call after the SDK's own retries (StartJobRun allows 1 TPS).
 * The state machine retries it with backoff and jitter.
 */
public final class EmrThrottled extends PipelineError {

    public EmrThrottled(String operation, Throwable cause) {
        super("AWS throttled " + operation + " past the SDK's own retries (EMR Serverless allows StartJobRun 1 TPS per"
                + " account). A submit is retried with backoff for about 16 minutes; if this ends an execution,"
                + " start it again later or ask for a higher quota.", cause);
    }
}
