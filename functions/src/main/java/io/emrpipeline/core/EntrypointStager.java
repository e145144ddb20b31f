package io.emrpipeline.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.logging.log4j.CloseableThreadContext;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Stages the pipeline's Python bootstrap to {@code entrypoints/<sha256>/<file>} in the job
 * bucket: hashed once at cold start, uploaded only when that content is not there yet. The key
 * is immutable by construction, so once a container has seen it, it never asks again.
 */
public final class EntrypointStager {

    public static final String BOOTSTRAP_RESOURCE = "/entrypoint/emr_pipeline_bootstrap.py";
    private static final String FILE_NAME = "emr_pipeline_bootstrap.py";
    private static final Logger LOG = LogManager.getLogger(EntrypointStager.class);

    private final ObjectStore store;
    private final byte[] content;
    private final String key;
    private volatile boolean staged;

    public EntrypointStager(ObjectStore store, byte[] content) {
        this.store = store;
        this.content = content.clone();
        this.key = "entrypoints/" + Hashes.sha256Hex(content) + "/" + FILE_NAME;
    }

    /** The bootstrap shipped in this artifact. */
    public static byte[] bundledBootstrap() {
        try (InputStream in = EntrypointStager.class.getResourceAsStream(BOOTSTRAP_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(BOOTSTRAP_RESOURCE + " is missing from the functions artifact");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the S3 URI of the staged bootstrap */
    public String stage() {
        if (!staged) {
            if (!store.exists(key)) {
                store.put(key, content, "text/x-python");
                try (var fields = CloseableThreadContext.put("key", key)) {
                    LOG.info("staged bootstrap");
                }
            }
            staged = true;
        }
        return "s3://" + store.bucket() + "/" + key;
    }
}
