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

    private JobRunEvents() {}

    static ObjectNode stateChange(JobRunView run) {
        ObjectNode detail = Json.object().put("jobRunId", run.jobRunId());
        if (run.name() != null) {
            detail.put("jobRunName", run.name());
        }
        detail.put("applicationId", run.applicationId())
                .put("arn", run.arn())
                .put("releaseLabel", run.releaseLabel())
                .put("state", run.state().name());
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

    /** A late, out-of-order copy of the SCHEDULED → RUNNING event, for the stale-event knob. */
    static ObjectNode staleRunning(JobRunView terminal) {
        JobRunView running = new JobRunView(terminal.region(), terminal.accountId(), terminal.applicationId(),
                terminal.jobRunId(), terminal.name(), terminal.arn(), terminal.createdBy(), terminal.executionRole(),
                terminal.releaseLabel(), terminal.request(), terminal.createdAt(),
                terminal.startedAt() != null ? terminal.startedAt() : terminal.createdAt(),
                JobRunState.RUNNING, JobRunState.SCHEDULED, null, terminal.startedAt(), null);
        return stateChange(running);
    }
}
