package io.emrpipeline.connector.sfn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.Optional;

/**
 * What the connector knows about one execution after its last read.
 *
 * @param status the execution's status; RUNNING until a terminal event is seen
 * @param jobRun the job run the pipeline submitted, once SubmitJobRun has answered
 * @param emrState the job run's state as the pipeline last saw it (ReconcileJobRun), if ever
 * @param output the success output ({@code {status, jobRun, links, cause}}), else missing
 * @param error the failure's error name (InvalidJobRequest, EmrJobFailed, ...), else null
 * @param cause the failure's cause a person reads, else null
 * @param note why the status may be stale (a failed read), else null
 */
public record ExecutionSnapshot(
        Status status,
        Optional<JobRunRef> jobRun,
        Optional<String> emrState,
        JsonNode output,
        String error,
        String cause,
        String note) {

    public enum Status { RUNNING, SUCCEEDED, FAILED, ABORTED, TIMED_OUT }

    /** The job run as SubmitJobRun reported it: ids and the links a person follows. */
    public record JobRunRef(String applicationId, String jobRunId, JsonNode links) {}

    /** Nothing read yet (the first read failed). */
    public static ExecutionSnapshot unknown(String note) {
        return new ExecutionSnapshot(Status.RUNNING, Optional.empty(), Optional.empty(), MissingNode.getInstance(),
                null, null, note);
    }

    /** A failure known without reading the history. */
    public static ExecutionSnapshot failed(String error, String cause) {
        return new ExecutionSnapshot(Status.FAILED, Optional.empty(), Optional.empty(), MissingNode.getInstance(),
                error, cause, null);
    }

    public boolean terminal() {
        return status != Status.RUNNING;
    }

    /** This snapshot, filling what the newer page no longer shows from the older snapshot. */
    public ExecutionSnapshot keepingWhatIsKnownFrom(ExecutionSnapshot older) {
        if (older == null) {
            return this;
        }
        return new ExecutionSnapshot(status, jobRun.or(older::jobRun), emrState.or(older::emrState), output, error,
                cause, note);
    }

    public ExecutionSnapshot withNote(String newNote) {
        return new ExecutionSnapshot(status, jobRun, emrState, output, error, cause, newNote);
    }
}
