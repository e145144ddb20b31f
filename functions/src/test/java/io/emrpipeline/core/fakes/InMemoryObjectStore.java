package io.emrpipeline.core.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import io.emrpipeline.core.Json;
import io.emrpipeline.core.ObjectStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The job bucket as a map, remembering every version a key held so tests can see the order of writes. */
public final class InMemoryObjectStore implements ObjectStore {

    private final String bucket;
    private final Map<String, byte[]> objects = new TreeMap<>();
    private final Map<String, List<byte[]>> versions = new TreeMap<>();

    public InMemoryObjectStore(String bucket) {
        this.bucket = bucket;
    }

    @Override
    public boolean exists(String key) {
        return objects.containsKey(key);
    }

    @Override
    public void put(String key, byte[] content, String contentType) {
        objects.put(key, content.clone());
        versions.computeIfAbsent(key, k -> new ArrayList<>()).add(content.clone());
    }

    @Override
    public Optional<byte[]> get(String key) {
        return Optional.ofNullable(objects.get(key)).map(byte[]::clone);
    }

    @Override
    public void delete(String key) {
        objects.remove(key);
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
