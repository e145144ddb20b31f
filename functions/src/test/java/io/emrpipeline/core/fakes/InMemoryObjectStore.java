package io.emrpipeline.core.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import io.emrpipeline.core.Json;
import io.emrpipeline.core.ObjectStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The job bucket as a map, remembering every version a key held so tests can see the order of
 * writes. Conditional writes are atomic, as S3's are; the ETag is a counter.
 */
public final class InMemoryObjectStore implements ObjectStore {

    private final String bucket;
    private final Map<String, byte[]> objects = new TreeMap<>();
    private final Map<String, String> etags = new TreeMap<>();
    private int nextEtag;
    private final Map<String, List<byte[]>> versions = new TreeMap<>();

    public InMemoryObjectStore(String bucket) {
        this.bucket = bucket;
    }

    @Override
    public synchronized boolean exists(String key) {
        return objects.containsKey(key);
    }

    @Override
    public synchronized void put(String key, byte[] content, String contentType) {
        objects.put(key, content.clone());
        etags.put(key, "\"" + (++nextEtag) + "\"");
        versions.computeIfAbsent(key, k -> new ArrayList<>()).add(content.clone());
    }

    @Override
    public synchronized Optional<Versioned> getVersioned(String key) {
        return Optional.ofNullable(objects.get(key)).map(content -> new Versioned(content.clone(), etags.get(key)));
    }

    @Override
    public synchronized Optional<String> putIfAbsent(String key, byte[] content, String contentType) {
        if (objects.containsKey(key)) {
            return Optional.empty();
        }
        put(key, content, contentType);
        return Optional.of(etags.get(key));
    }

    @Override
    public synchronized Optional<String> putIfUnchanged(String key, byte[] content, String contentType, String etag) {
        if (!objects.containsKey(key) || !etags.get(key).equals(etag)) {
            return Optional.empty();
        }
        put(key, content, contentType);
        return Optional.of(etags.get(key));
    }

    @Override
    public synchronized List<String> list(String prefix) {
        return objects.keySet().stream().filter(key -> key.startsWith(prefix)).toList();
    }

    @Override
    public synchronized Optional<byte[]> get(String key) {
        return Optional.ofNullable(objects.get(key)).map(byte[]::clone);
    }

    @Override
    public synchronized void delete(String key) {
        objects.remove(key);
        etags.remove(key);
    }

    @Override
    public String bucket() {
        return bucket;
    }

    /** The keys that exist now, sorted. */
    public List<String> keys() {
        return List.copyOf(objects.keySet());
    }

    public Optional<JsonNode> json(String key) {
        return get(key).map(Json::parse);
    }

    /** Every version ever written to {@code key}, oldest first, as JSON (deleted or not). */
    public List<JsonNode> history(String key) {
        return versions.getOrDefault(key, List.of()).stream().map(Json::parse).toList();
    }
}
