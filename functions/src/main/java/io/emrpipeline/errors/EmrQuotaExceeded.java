package io.emrpipeline.errors;

/**
 * EMR Serverless refused the call because a service quota is used up
 * (ServiceQuotaExceededException: concurrent vCPUs, applications, ...). Not retried by the
 * pipeline: waiting in a retry loop would hide a capacity problem from the people who can fix it.
 */
public final class EmrQuotaExceeded extends PipelineError {

    public EmrQuotaExceeded(String operation, String emrMessage, Throwable cause) {
        super("EMR Serverless refused " + operation + " because a service quota is exhausted: " + emrMessage
                + ". Raise the quota (Service Quotas) or lower the application's maximum capacity, then start a new"
                + " execution; no job was started.", cause);
    }
}
