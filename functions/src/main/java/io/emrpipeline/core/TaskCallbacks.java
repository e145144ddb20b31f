package io.emrpipeline.core;

/** Completes a waiting Step Functions task. */
public interface TaskCallbacks {

    /**
     * Sends the task's output.
     *
     * @return false when the token is already closed (completed, timed out, or its execution
     *     ended): events are delivered at least once, so this is normal, not an error
     */
    boolean sendSuccess(String taskToken, String outputJson);
}
