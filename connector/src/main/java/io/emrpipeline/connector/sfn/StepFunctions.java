package io.emrpipeline.connector.sfn;

import java.util.List;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/**
 * The three things the connector asks of Step Functions. Implementations throw
 * {@link StepFunctionsUnavailable} for errors worth retrying and {@link StepFunctionsRejected}
 * for requests that will never succeed.
 */
public interface StepFunctions {

    /** Starts an execution and returns its ARN; {@link ExecutionAlreadyStarted} when the name is taken. */
    String startExecution(String name, String input);

    /** The latest events of an execution, newest first (one read). */
    List<HistoryEvent> recentHistory(String executionArn);

    /** Stops a running execution; a closed or unknown execution is not an error. */
    void stopExecution(String executionArn, String error, String cause);

    /** The execution name is already in use: a retried CreateTask. */
    final class ExecutionAlreadyStarted extends RuntimeException {
        public ExecutionAlreadyStarted(String message) {
            super(message);
        }
    }

    /** Throttling, a 5xx or a network error: the same call may succeed later. */
    final class StepFunctionsUnavailable extends RuntimeException {
        public StepFunctionsUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Step Functions refused the request (bad input, unknown state machine, denied): retrying won't help. */
    final class StepFunctionsRejected extends RuntimeException {
        private final boolean executionMissing;

        public StepFunctionsRejected(String message, boolean executionMissing, Throwable cause) {
            super(message, cause);
            this.executionMissing = executionMissing;
        }

        public boolean executionMissing() {
            return executionMissing;
        }
    }
}
