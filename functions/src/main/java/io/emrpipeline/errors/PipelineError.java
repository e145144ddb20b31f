package io.emrpipeline.errors;

/**
 * A failure the pipeline names. The simple class name is the error name a caller branches on:
 * the Lambda runtime reports the class, and the state machine maps it to a Fail state of the
 * same short name. Messages say what was wrong and what to do.
 */
public abstract class PipelineError extends RuntimeException {

    protected PipelineError(String message) {
        super(message);
    }

    protected PipelineError(String message, Throwable cause) {
        super(message, cause);
    }

    /** The name Step Functions callers see, e.g. {@code InvalidJobRequest}. */
    public String errorName() {
        return getClass().getSimpleName();
    }
}
