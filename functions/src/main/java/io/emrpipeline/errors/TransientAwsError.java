package io.emrpipeline.errors;

/** An AWS call failed in a way worth retrying (5xx, connection reset, timeout). */
public final class TransientAwsError extends PipelineError {

    public TransientAwsError(String operation, Throwable cause) {
        super(operation + " failed transiently: " + cause.getMessage(), cause);
    }
}
