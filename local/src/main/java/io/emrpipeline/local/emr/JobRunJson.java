package io.emrpipeline.local.emr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.emrpipeline.local.http.Json;
import java.time.Duration;
import java.time.Instant;

/** The JobRun and JobRunSummary shapes of the EMR Serverless API, as the SDK deserializes them. */
final class JobRunJson {

    /** EMR Serverless' default executionTimeoutMinutes (12 hours). */
    private static final int DEFAULT_TIMEOUT_MINUTES = 720;

    private JobRunJson() {}

    static ObjectNode jobRun(JobRunView run, Instant now) {
        ObjectNode json = common(run).put("jobRunId", run.jobRunId());
        copy(run.request(), json, "jobDriver");
        copy(run.request(), json, "configurationOverrides");
        json.set("tags", run.request().has("tags") ? run.request().get("tags") : Json.object());
        JsonNode timeout = run.request().get("executionTimeoutMinutes");
        json.put("executionTimeoutMinutes", timeout == null ? DEFAULT_TIMEOUT_MINUTES : timeout.asLong());
        Duration running = running(run, now);
        String sparkParameters = run.request().path("jobDriver").path("sparkSubmit")
                .path("sparkSubmitParameters").asText(null);
        json.put("totalExecutionDurationSeconds", (running.toMillis() + 999) / 1000);
        json.set("totalResourceUtilization", ResourceUsage.total(running, sparkParameters).toJson());
        if (run.state().isTerminal() && run.startedAt() != null) {
            json.set("billedResourceUtilization", ResourceUsage.billed(running, sparkParameters).toJson());
        }
        if (run.startedAt() != null) {
            json.put("startedAt", Json.epochSeconds(run.startedAt()));
        }
        if (run.endedAt() != null) {
            json.put("endedAt", Json.epochSeconds(run.endedAt()));
        }
        return json;
    }

    static ObjectNode summary(JobRunView run) {
        return common(run).put("id", run.jobRunId()).put("type", "Spark");
    }

    private static ObjectNode common(JobRunView run) {
        ObjectNode json = Json.object()
                .put("applicationId", run.applicationId())
                .put("arn", run.arn())
                .put("createdBy", run.createdBy())
                .put("createdAt", Json.epochSeconds(run.createdAt()))
                .put("updatedAt", Json.epochSeconds(run.updatedAt()))
                .put("executionRole", run.executionRole())
                .put("state", run.state().name())
                .put("stateDetails", run.stateDetails() == null ? "" : run.stateDetails())
                .put("releaseLabel", run.releaseLabel())
                .put("mode", run.request().path("mode").asText("BATCH"))
                .put("attempt", run.attempt())
                .put("attemptCreatedAt", Json.epochSeconds(run.attemptCreatedAt()))
                .put("attemptUpdatedAt", Json.epochSeconds(run.updatedAt()));
        if (run.name() != null) {
            json.put("name", run.name());
        }
        return json;
    }

    /** How long the run has been (or was) RUNNING: what the model bills. */
    static Duration running(JobRunView run, Instant now) {
        if (run.startedAt() == null) {
            return Duration.ZERO;
        }
        return Duration.between(run.startedAt(), run.endedAt() != null ? run.endedAt() : now);
    }

    private static void copy(JsonNode from, ObjectNode to, String field) {
        if (from.has(field)) {
            to.set(field, from.get(field));
        }
    }
}
