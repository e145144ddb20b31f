package io.emrpipeline.local.emr;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * A consistent snapshot of one job run, taken under its lock; what API answers and events are built from.
 *
 * @param request the StartJobRun body as received (jobDriver, configurationOverrides, tags, …)
 * @param previousState null while the run is in its first state
 * @param startedAt when it entered RUNNING, or null
 * @param endedAt when it reached a terminal state, or null
 * @param attempt the attempt the run is on, from 1; a retry policy adds attempts after failed ones
 * @param attemptCreatedAt when the current attempt began
 */
public record JobRunView(
        String region,
        String accountId,
        String applicationId,
        String jobRunId,
        String name,
        String arn,
        String createdBy,
        String executionRole,
        String releaseLabel,
        JsonNode request,
        Instant createdAt,
        Instant updatedAt,
        JobRunState state,
        JobRunState previousState,
        String stateDetails,
        Instant startedAt,
        Instant endedAt,
        int attempt,
        Instant attemptCreatedAt) {

    /** This snapshot as it looked in another state: what a late or per-attempt event describes. */
    JobRunView as(JobRunState shownState, JobRunState shownPrevious, String shownDetails, int shownAttempt) {
        return new JobRunView(region, accountId, applicationId, jobRunId, name, arn, createdBy, executionRole,
                releaseLabel, request, createdAt, updatedAt, shownState, shownPrevious, shownDetails, startedAt,
                shownState.isTerminal() ? updatedAt : null, shownAttempt, attemptCreatedAt);
    }
}
