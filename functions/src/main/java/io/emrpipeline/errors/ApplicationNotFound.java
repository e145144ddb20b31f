package io.emrpipeline.errors;

/** The request names an EMR Serverless application that does not exist (or is ambiguous). */
public final class ApplicationNotFound extends PipelineError {

    public ApplicationNotFound(String message) {
        super(message);
    }
}
