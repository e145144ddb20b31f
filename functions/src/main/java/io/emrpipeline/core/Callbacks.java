package io.emrpipeline.core;

import java.time.Instant;
import java.util.Optional;

/**
 * {@code callbacks/<applicationId>/<jobRunId>.json}: the task token AwaitJobRun waits on, with
 * the execution it belongs to. Tokens are secrets: this class never logs them.
 */
public final class Callbacks {

    private final ObjectStore store;

    public Callbacks(ObjectStore store) {
        this.store = store;
    }

    public record Callback(String taskToken, String executionArn) {}

    public void save(JobRunKey run, Callback callback) {
        store.put(key(run), Json.bytes(Json.object()
                .put("taskToken", callback.taskToken())
                .put("executionArn", callback.executionArn())
                .put("storedAt", Instant.now().toString())), "application/json");
    }

    public Optional<Callback> find(JobRunKey run) {
        return store.get(key(run)).map(Json::parse)
                .map(json -> new Callback(json.path("taskToken").asText(), Json.text(json, "executionArn")));
    }

    public void delete(JobRunKey run) {
        store.delete(key(run));
    }

    private static String key(JobRunKey run) {
        return "callbacks/" + run.applicationId() + "/" + run.jobRunId() + ".json";
    }

}
