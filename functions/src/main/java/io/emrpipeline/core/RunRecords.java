package io.emrpipeline.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code runs/<execution-name>.json}: which job run an execution owns, and whether the execution
 * was stopped. Submit and cancel coordinate through it with conditional writes, so a stop at any
 * moment — before, during or after StartJobRun — ends with the job cancelled or never started:
 * the submitter writes the record before StartJobRun and replaces that exact version after it;
 * a cancel marks whatever version it finds as stopped (or creates the record stopped). A submitter
 * whose replace fails knows the execution was stopped meanwhile and cancels what it just started.
 */
public final class RunRecords {

    private final ObjectStore store;

    public RunRecords(ObjectStore store) {
        this.store = store;
    }

    /**
     * What a run record says.
     *
     * @param jobRunId null until StartJobRun answered
     * @param stopRequested the execution was stopped or failed: its job must not run
     * @param etag the version read, for a conditional replace (null for a record not yet written)
     */
    public record RunRecord(String executionArn, String executionName, String applicationId,
            String jobRunName, String jobRunId, boolean stopRequested, String etag) {

        public RunRecord withJobRun(String id) {
            return new RunRecord(executionArn, executionName, applicationId, jobRunName, id, stopRequested, etag);
        }

        public RunRecord stopped() {
            return new RunRecord(executionArn, executionName, applicationId, jobRunName, jobRunId, true, etag);
        }
    }

    /** A record for an execution that was stopped before it wrote anything. */
    public static RunRecord stoppedBeforeSubmit(String executionName) {
        return new RunRecord(null, executionName, null, null, null, true, null);
    }

    public Optional<RunRecord> find(String executionName) {
        return store.getVersioned(key(executionName)).map(versioned -> read(Json.parse(versioned.content()), versioned.etag()));
    }

    /** Writes a record no version of which exists yet. @return the written version, empty if one exists */
    public Optional<RunRecord> create(RunRecord record) {
        return store.putIfAbsent(key(record.executionName()), body(record), "application/json").map(etag -> withEtag(record, etag));
    }

    /**
     * Writes {@code next} over what was read: replaces that version, or creates the record when none
     * was read. @return the written version, empty if the record changed (or appeared) meanwhile
     */
    public Optional<RunRecord> writeOver(Optional<RunRecord> read, RunRecord next) {
        return read.isPresent() ? replace(read.get(), next) : create(next);
    }

    /** Replaces the version {@code previous} was read at. @return the written version, empty if it changed */
    public Optional<RunRecord> replace(RunRecord previous, RunRecord next) {
        return store.putIfUnchanged(key(next.executionName()), body(next), "application/json", previous.etag())
                .map(etag -> withEtag(next, etag));
    }

    private static RunRecord withEtag(RunRecord record, String etag) {
        return new RunRecord(record.executionArn(), record.executionName(), record.applicationId(), record.jobRunName(),
                record.jobRunId(), record.stopRequested(), etag);
    }

    private static byte[] body(RunRecord record) {
        ObjectNode json = Json.object()
                .put("executionArn", record.executionArn())
                .put("executionName", record.executionName())
                .put("applicationId", record.applicationId())
                .put("jobRunName", record.jobRunName())
                .put("jobRunId", record.jobRunId())
                .put("stopRequested", record.stopRequested())
                .put("updatedAt", Instant.now().toString());
        return Json.bytes(json);
    }

    private static RunRecord read(JsonNode json, String etag) {
        return new RunRecord(Json.text(json, "executionArn"), Json.text(json, "executionName"),
                Json.text(json, "applicationId"), Json.text(json, "jobRunName"), Json.text(json, "jobRunId"),
                json.path("stopRequested").asBoolean(false), etag);
    }

    private static String key(String executionName) {
        return "runs/" + executionName + ".json";
    }
}
