package io.emrpipeline.connector.sfn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.emrpipeline.connector.Json;
import io.emrpipeline.connector.sfn.ExecutionSnapshot.JobRunRef;
import io.emrpipeline.connector.sfn.ExecutionSnapshot.Status;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/**
 * Reads an execution's state from its history, newest event first. The state names are the
 * ones in statemachines/pipeline.asl.json: SubmitJobRun's output carries the job run and its
 * links as soon as the run exists, ReconcileJobRun's output the job's last seen state.
 */
public final class HistoryReader {

    static final String SUBMIT_STATE = "SubmitJobRun";
    static final String RECONCILE_STATE = "ReconcileJobRun";

    /**
     * @param page one page of events; asked newest first, but sorted again here because not
     *     every implementation honours reverseOrder (moto 5.2 ignores it)
     */
    public ExecutionSnapshot read(List<HistoryEvent> page) {
        List<HistoryEvent> newestFirst = page.stream()
                .sorted(Comparator.comparing(HistoryEvent::id, Comparator.nullsFirst(Comparator.naturalOrder())).reversed())
                .toList();
        Status status = Status.RUNNING;
        JsonNode output = MissingNode.getInstance();
        String error = null;
        String cause = null;
        Optional<JobRunRef> jobRun = Optional.empty();
        Optional<String> emrState = Optional.empty();
        boolean statusSeen = false;

        for (HistoryEvent event : newestFirst) {
            if (!statusSeen) {
                switch (event.type()) {
                    case EXECUTION_SUCCEEDED -> {
                        status = Status.SUCCEEDED;
                        output = Json.parse(event.executionSucceededEventDetails().output());
                        jobRun = jobRunOf(output);
                    }
                    case EXECUTION_FAILED -> {
                        status = Status.FAILED;
                        error = event.executionFailedEventDetails().error();
                        cause = event.executionFailedEventDetails().cause();
                    }
                    case EXECUTION_ABORTED -> {
                        status = Status.ABORTED;
                        error = event.executionAbortedEventDetails().error();
                        cause = event.executionAbortedEventDetails().cause();
                    }
                    case EXECUTION_TIMED_OUT -> {
                        status = Status.TIMED_OUT;
                        error = event.executionTimedOutEventDetails().error();
                        cause = event.executionTimedOutEventDetails().cause();
                    }
                    default -> { }
                }
                // Only the newest event can be terminal; anything older is progress.
                statusSeen = true;
            }
            if (event.stateExitedEventDetails() == null) {
                continue;
            }
            String state = event.stateExitedEventDetails().name();
            JsonNode stateOutput = Json.parse(event.stateExitedEventDetails().output());
            if (jobRun.isEmpty() && SUBMIT_STATE.equals(state)) {
                jobRun = jobRunOf(stateOutput);
            }
            if (emrState.isEmpty() && RECONCILE_STATE.equals(state)) {
                emrState = text(stateOutput.path("outcome").path("jobRun").path("state"));
            }
        }
        return new ExecutionSnapshot(status, jobRun, emrState, output, error, cause, null);
    }

    /** SubmitJobRun's output and the success output both hold applicationId/jobRunId and links. */
    private static Optional<JobRunRef> jobRunOf(JsonNode node) {
        JsonNode ids = node.has("jobRun") ? node.path("jobRun") : node;
        Optional<String> applicationId = text(ids.path("applicationId"));
        Optional<String> jobRunId = text(ids.path("jobRunId"));
        if (applicationId.isEmpty() || jobRunId.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new JobRunRef(applicationId.get(), jobRunId.get(), node.path("links")));
    }

    private static Optional<String> text(JsonNode node) {
        return node.isTextual() && !node.asText().isEmpty() ? Optional.of(node.asText()) : Optional.empty();
    }
}
