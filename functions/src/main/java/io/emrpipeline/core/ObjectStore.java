package io.emrpipeline.core;

import java.util.Optional;

/** The job bucket, as the domain sees it. */
public interface ObjectStore {

    boolean exists(String key);

    void put(String key, byte[] content, String contentType);

    Optional<byte[]> get(String key);

    void delete(String key);

    String bucket();
}
