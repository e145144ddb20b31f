package io.emrpipeline.errors;

/** No run record exists for an execution, so there is no job run to act on. */
public final class RunRecordNotFound extends PipelineError {

    public RunRecordNotFound(String executionName) {
        super("No run record for execution " + executionName + ": it never reached StartJobRun.");
    }
}
