package io.emrpipeline.errors;

/**
 * EMR Serverless refused the call as invalid (ValidationException): the same request would be
 * refused again, so it is not retried. The message carries EMR's own reason.
 */
public final class EmrRequestRejected extends PipelineError {

    public EmrRequestRejected(String operation, String emrMessage, Throwable cause) {
        super("EMR Serverless rejected " + operation + " as invalid: " + emrMessage
                + ". Fix the job request (or the application) and start a new execution; no job was started.", cause);
    }
}
