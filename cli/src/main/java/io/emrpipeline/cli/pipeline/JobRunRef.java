package io.emrpipeline.cli.pipeline;

import com.fasterxml.jackson.databind.JsonNode;

/** The job run an execution started (SubmitJobRun's output), with the links SubmitJobRun made for it. */
public record JobRunRef(String applicationId, String jobRunId, JsonNode links) {
}
