package io.emrpipeline.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256, the one hash the pipeline uses for content addresses and idempotency tokens. */
public final class Hashes {

    private Hashes() {}

    public static String sha256Hex(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /**
     * The StartJobRun clientToken for an execution: the same execution always yields the same
     * token (64 hex characters, EMR's maximum), so a retried submit finds the job it started.
     */
    public static String clientToken(String executionArn) {
        return sha256Hex(executionArn.getBytes(StandardCharsets.UTF_8));
    }
}
