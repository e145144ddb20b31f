package io.emrpipeline.core;

import java.util.List;
import java.util.Optional;

/**
 * The job bucket, as the domain sees it. The conditional writes are S3's ({@code If-None-Match: *}
 * and {@code If-Match: <etag>}): atomic against every other write of the key, which is what
 * makes a claim a claim.
 */
public interface ObjectStore {

    /** An object's content and the version tag a conditional write compares against. */
    record Versioned(byte[] content, String etag) {}

    boolean exists(String key);

    void put(String key, byte[] content, String contentType);

    Optional<byte[]> get(String key);

    Optional<Versioned> getVersioned(String key);

    /** Creates the object only if the key is free. @return its ETag, or empty when the key already exists */
    Optional<String> putIfAbsent(String key, byte[] content, String contentType);

    /** Replaces the object only if it is still at {@code etag}. @return its new ETag, or empty when it changed or is gone */
    Optional<String> putIfUnchanged(String key, byte[] content, String contentType, String etag);

    void delete(String key);

    /** The keys under {@code prefix} (all pages). */
    List<String> list(String prefix);

    String bucket();
}
