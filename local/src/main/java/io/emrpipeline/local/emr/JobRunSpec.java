package io.emrpipeline.local.emr;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * What a {@link JobRunner} needs to know about a job run, taken from its StartJobRun request.
 *
 * @param logUri the S3 monitoring log URI, or null when the request set none
 * @param jobRequest the StartJobRun request body as sent on the wire
 * @param attempt which attempt this is, from 1 (EMR re-runs a failed batch job under its retry policy)
 */
public record JobRunSpec(
        String applicationId,
        String jobRunId,
        String name,
        String releaseLabel,
        String entryPoint,
        List<String> entryPointArguments,
        String sparkSubmitParameters,
        String logUri,
        JsonNode jobRequest,
        int attempt) {

    JobRunSpec forAttempt(int next) {
        return new JobRunSpec(applicationId, jobRunId, name, releaseLabel, entryPoint, entryPointArguments,
                sparkSubmitParameters, logUri, jobRequest, next);
    }
}
