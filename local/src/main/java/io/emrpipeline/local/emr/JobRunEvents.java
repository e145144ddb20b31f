package io.emrpipeline.local.emr;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.emrpipeline.local.events.EventEnvelope;
import io.emrpipeline.local.http.Json;
import java.util.List;

/**
 * The "EMR Serverless Job Run State Change" event EMR Serverless sends to EventBridge for every
 * state change (AWS' documented example: jobRunId, jobRunName, applicationId, arn, releaseLabel,
 * state, previousState, createdBy, ISO-8601 createdAt/updatedAt; resources empty). stateDetails is
 * added when the run failed, so a rule target can tell why without a GetJobRun.
 */
public final class JobRunEvents {

    public static final String SOURCE = "aws.emr-serverless";
    public static final String DETAIL_TYPE = "EMR Serverless Job Run State Change";
    public static final String RETRY_DETAIL_TYPE = "EMR Serverless Job Run Retry";

    private JobRunEvents() {}

    static ObjectNode stateChange(JobRunView run) {
        ObjectNode detail = identity(run);
        if (run.previousState() != null) {
            detail.put("previousState", run.previousState().name());
        }
        if (run.state() == JobRunState.FAILED && run.stateDetails() != null) {
            detail.put("stateDetails", run.stateDetails());
        }
        detail.put("createdBy", run.createdBy())
                .put("updatedAt", run.updatedAt().toString())
                .put("createdAt", run.createdAt().toString());
        return EventEnvelope.of(SOURCE, DETAIL_TYPE, run.region(), run.accountId(), List.of(), detail,
                run.updatedAt());
    }

    /**
     * A retry policy started the run's next attempt. The model's shape: the run's identity, the
     * state it is in, and the attempt now under way with when it began.
     */
    static ObjectNode retry(JobRunView run) {
        ObjectNode detail = identity(run)
                .put("attempt", run.attempt())
                .put("attemptCreatedAt", run.attemptCreatedAt().toString())
                .put("createdAt", run.createdAt().toString());
        return EventEnvelope.of(SOURCE, RETRY_DETAIL_TYPE, run.region(), run.accountId(), List.of(), detail,
                run.updatedAt());
    }

    /** What every job-run event's detail starts with: the run and the state it is in. */
    private static ObjectNode identity(JobRunView run) {
        ObjectNode detail = Json.object().put("jobRunId", run.jobRunId());
        if (run.name() != null) {
            detail.put("jobRunName", run.name());
        }
        return detail.put("applicationId", run.applicationId())
                .put("arn", run.arn())
                .put("releaseLabel", run.releaseLabel())
                .put("state", run.state().name());
    }

    /** A late, out-of-order copy of the SCHEDULED → RUNNING event, for the stale-event knob. */
    static ObjectNode staleRunning(JobRunView terminal) {
        return stateChange(terminal.as(JobRunState.RUNNING, JobRunState.SCHEDULED, null, terminal.attempt()));
    }
}
