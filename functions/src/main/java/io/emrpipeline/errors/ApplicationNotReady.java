package io.emrpipeline.errors;

/**
 * The application exists but cannot take the job yet: EMR Serverless is still creating it, it is
 * stopping, or the request asked for a STARTED application and it is still starting. The state
 * machine retries the submit with backoff until it is ready; nothing was started.
 */
public final class ApplicationNotReady extends PipelineError {

    public ApplicationNotReady(String applicationId, String state, String waitingFor) {
        super("EMR Serverless application " + applicationId + " is " + state + "; the submit is retried until it is "
                + waitingFor + ". If this ends an execution, check the application in the EMR console.");
    }
}
