package io.emrpipeline.core;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@code callbacks/<applicationId>/<jobRunId>.json}: a stored wait — the job run belongs to this
 * deployment, and an execution waits for its end. AwaitJobRun stores the task token it waits on;
 * a cancel path stores a wait without a token, so the cancelled run's end is still told. Tokens
 * are secrets: this class never logs them.
 */
public final class Callbacks {

    private static final String PREFIX = "callbacks/";

    private final ObjectStore store;

    public Callbacks(ObjectStore store) {
        this.store = store;
    }

    /** @param taskToken null for a wait nobody completes (the execution stopped), which still owns the run */
    public record Callback(String taskToken, String executionArn) {

        public Optional<String> token() {
            return Optional.ofNullable(taskToken);
        }
    }

    public void save(JobRunKey run, Callback callback) {
        store.put(key(run), body(callback), "application/json");
    }

    /** Stores {@code callback} unless a wait is stored already (a token must never be overwritten). */
    public void saveIfAbsent(JobRunKey run, Callback callback) {
        store.putIfAbsent(key(run), body(callback), "application/json");
    }

    private static byte[] body(Callback callback) {
        return Json.bytes(Json.object()
                .put("taskToken", callback.taskToken())
                .put("executionArn", callback.executionArn())
                .put("storedAt", Instant.now().toString()));
    }

    public Optional<Callback> find(JobRunKey run) {
        return store.get(key(run)).map(Json::parse)
                .map(json -> new Callback(Json.text(json, "taskToken"), Json.text(json, "executionArn")));
    }

    /** Every stored wait, by the job run it waits on (one listing of the prefix). */
    public List<JobRunKey> all() {
        return store.list(PREFIX).stream()
                .flatMap(key -> JobRunKey.fromObjectKey(PREFIX, key).stream())
                .toList();
    }

    public void delete(JobRunKey run) {
        store.delete(key(run));
    }

    private static String key(JobRunKey run) {
        return run.objectKey(PREFIX);
    }

}
