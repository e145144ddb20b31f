package io.emrpipeline.errors;

/**
 * A failure the pipeline names. AWS's Java Lambda runtime reports an exception by its fully
 * qualified class name ({@code io.emrpipeline.errors.InvalidJobRequest}); the state machine
 * catches that name and ends in a Fail state whose error is the short one callers branch on
 * (listed in statemachines/contract.json). Messages say what was wrong and what to do.
 */
public abstract class PipelineError extends RuntimeException {

    protected PipelineError(String message) {
        super(message);
    }

    protected PipelineError(String message, Throwable cause) {
        super(message, cause);
    }
}
