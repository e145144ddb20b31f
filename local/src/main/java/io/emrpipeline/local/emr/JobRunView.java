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
        Instant endedAt) {}
