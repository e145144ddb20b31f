package io.emrpipeline.core;

/** Identifies one EMR Serverless job run. */
public record JobRunKey(String applicationId, String jobRunId) {

    public JobRunKey {
        if (applicationId == null || applicationId.isBlank() || jobRunId == null || jobRunId.isBlank()) {
            throw new IllegalArgumentException("applicationId and jobRunId are required");
        }
    }

    @Override
    public String toString() {
        return applicationId + "/" + jobRunId;
    }
}
