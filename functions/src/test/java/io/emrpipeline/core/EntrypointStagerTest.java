package io.emrpipeline.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.emrpipeline.core.fakes.InMemoryObjectStore;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EntrypointStagerTest {

    /** Counts HEADs and PUTs over the in-memory bucket. */
    static final class CountingStore implements ObjectStore {
        final InMemoryObjectStore objects = new InMemoryObjectStore("job-bucket");
        int heads;
        int puts;

        @Override public boolean exists(String key) { heads++; return objects.exists(key); }
        @Override public void put(String key, byte[] content, String type) { puts++; objects.put(key, content, type); }
        @Override public Optional<byte[]> get(String key) { return objects.get(key); }
        @Override public Optional<Versioned> getVersioned(String key) { return objects.getVersioned(key); }
        @Override public Optional<String> putIfAbsent(String key, byte[] content, String type) {
            puts++;
            return objects.putIfAbsent(key, content, type);
        }
        @Override public Optional<String> putIfUnchanged(String key, byte[] content, String type, String etag) {
            puts++;
            return objects.putIfUnchanged(key, content, type, etag);
        }
        @Override public void delete(String key) { objects.delete(key); }
        @Override public List<String> list(String prefix) { return objects.list(prefix); }
        @Override public String bucket() { return objects.bucket(); }
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
