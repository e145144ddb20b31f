package io.emrpipeline.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EntrypointStagerTest {

    /** Counts calls; a map stands in for the bucket in this pure-logic test. */
    static final class CountingStore implements ObjectStore {
        final Map<String, byte[]> objects = new HashMap<>();
        int heads;
        int puts;

        @Override public boolean exists(String key) { heads++; return objects.containsKey(key); }
        @Override public void put(String key, byte[] content, String type) { puts++; objects.put(key, content); }
        @Override public Optional<byte[]> get(String key) { return Optional.ofNullable(objects.get(key)); }
        @Override public void delete(String key) { objects.remove(key); }
        @Override public String bucket() { return "job-bucket"; }
    }

    @Test
    void uploadsOncePerContentUnderItsSha256() {
        CountingStore store = new CountingStore();
        byte[] content = "print('hi')\n".getBytes(StandardCharsets.UTF_8);

        String first = new EntrypointStager(store, content).stage();
        String second = new EntrypointStager(store, content).stage();

        String expected = "s3://job-bucket/entrypoints/" + Hashes.sha256Hex(content) + "/emr_pipeline_bootstrap.py";
        assertEquals(expected, first);
        assertEquals(expected, second);
        assertEquals(1, store.puts, "a second container finds the object and does not PUT again");
        assertEquals(2, store.heads);
    }

    @Test
    void asksOnlyOncePerContainer() {
        CountingStore store = new CountingStore();
        EntrypointStager stager = new EntrypointStager(store, new byte[] {1, 2, 3});

        stager.stage();
        stager.stage();
        stager.stage();

        assertEquals(1, store.heads);
        assertEquals(1, store.puts);
    }

    @Test
    void newContentGetsANewKey() {
        CountingStore store = new CountingStore();

        String a = new EntrypointStager(store, new byte[] {1}).stage();
        String b = new EntrypointStager(store, new byte[] {2}).stage();

        assertNotEquals(a, b);
        assertEquals(2, store.puts);
    }

    @Test
    void hashesTheBootstrapShippedInTheArtifact() {
        byte[] bundled = EntrypointStager.bundledBootstrap();

        assertEquals(64, Hashes.sha256Hex(bundled).length());
    }
}
