package io.emrpipeline.errors;

/**
 * EMR Serverless throttled the call after the SDK's own retries (StartJobRun allows 1 TPS).
 * The state machine retries it with backoff and jitter.
 */
public final class EmrThrottled extends PipelineError {

    public EmrThrottled(String operation, Throwable cause) {
        super("EMR Serverless throttled " + operation + "; the state machine retries with backoff.", cause);
    }
}
