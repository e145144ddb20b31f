package io.emrpipeline.errors;

/**
 * EMR Serverless denied the call (AccessDeniedException): the pipeline's function role may not
 * make it, or may not pass the job's execution role. Retrying cannot help until IAM changes.
 */
public final class EmrAccessDenied extends PipelineError {

    public EmrAccessDenied(String operation, String emrMessage, Throwable cause) {
        super("EMR Serverless denied " + operation + ": " + emrMessage
                + ". The deployment's IAM must allow it (emr-serverless and iam:PassRole on the execution role);"
                + " start a new execution once it does; no job was started.", cause);
    }
}
