package io.emrpipeline.core;

import java.util.Optional;

/** Identifies one EMR Serverless job run. */
public record JobRunKey(String applicationId, String jobRunId) {

    private static final String OBJECT_SUFFIX = ".json";

    public JobRunKey {
        if (applicationId == null || applicationId.isBlank() || jobRunId == null || jobRunId.isBlank()) {
            throw new IllegalArgumentException("applicationId and jobRunId are required");
        }
    }

    /** The bucket key of this run's object under {@code prefix}: {@code <prefix><applicationId>/<jobRunId>.json}. */
    public String objectKey(String prefix) {
        return prefix + applicationId + "/" + jobRunId + OBJECT_SUFFIX;
    }

    /** The run an {@link #objectKey} under {@code prefix} names; empty for any other key. */
    public static Optional<JobRunKey> fromObjectKey(String prefix, String key) {
        if (!key.startsWith(prefix) || !key.endsWith(OBJECT_SUFFIX)) {
            return Optional.empty();
        }
        String[] parts = key.substring(prefix.length(), key.length() - OBJECT_SUFFIX.length()).split("/");
        return parts.length == 2 && !parts[0].isBlank() && !parts[1].isBlank()
                ? Optional.of(new JobRunKey(parts[0], parts[1])) : Optional.empty();
    }

    @Override
    public String toString() {
        return applicationId + "/" + jobRunId;
    }
}
