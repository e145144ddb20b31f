package io.emrpipeline.core;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code runs/<execution-name>.json}: which job run an execution owns. Written before
 * StartJobRun (with the clientToken) and again after it (with the job run id), so whatever
 * cancels an execution can always find its job, even after a crash mid-submit.
 */
public final class RunRecords {

    private final ObjectStore store;

    public RunRecords(ObjectStore store) {
        this.store = store;
    }

    /** What a run record says. {@code jobRunId} is null until StartJobRun answered. */
    public record RunRecord(String executionArn, String executionName, String applicationId,
            String jobRunName, String jobRunId) {}

    public void save(RunRecord record) {
        ObjectNode json = Json.object()
                .put("executionArn", record.executionArn())
                .put("executionName", record.executionName())
                .put("applicationId", record.applicationId())
                .put("jobRunName", record.jobRunName())
                .put("jobRunId", record.jobRunId())
                .put("updatedAt", Instant.now().toString());
        store.put(key(record.executionName()), Json.bytes(json), "application/json");
    }

    public Optional<RunRecord> find(String executionName) {
        return store.get(key(executionName)).map(Json::parse).map(json -> new RunRecord(
                Json.text(json, "executionArn"), Json.text(json, "executionName"), Json.text(json, "applicationId"),
                Json.text(json, "jobRunName"), Json.text(json, "jobRunId")));
    }

    private static String key(String executionName) {
        return "runs/" + executionName + ".json";
    }

}
