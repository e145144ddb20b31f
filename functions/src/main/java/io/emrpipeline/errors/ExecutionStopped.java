package io.emrpipeline.errors;

/**
 * The execution was stopped (or its own failure path cancelled it) while SubmitJobRun ran: no job
 * runs for it. Whatever this submit had started is cancelled.
 */
public final class ExecutionStopped extends PipelineError {

    public ExecutionStopped(String executionName, String whatHappened) {
        super("Execution " + executionName + " was stopped while its job was being submitted: " + whatHappened + ".");
    }
}
