package io.emrpipeline.local.emr;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Validates a StartJobRun body as the service does, and extracts what a {@link JobRunner} needs. */
final class StartJobRunRequests {

    private StartJobRunRequests() {}

    static void validate(JsonNode request) {
        for (String member : List.of("clientToken", "executionRoleArn", "jobDriver")) {
            if (!request.hasNonNull(member)) {
                throw EmrApiException.missing(member);
            }
        }
        JsonNode sparkSubmit = request.get("jobDriver").get("sparkSubmit");
        if (sparkSubmit != null && !sparkSubmit.hasNonNull("entryPoint")) {
            throw EmrApiException.missing("jobDriver.sparkSubmit.entryPoint");
        }
        if (sparkSubmit == null && !request.get("jobDriver").has("hive")) {
            throw EmrApiException.validation("Job driver must specify exactly one of sparkSubmit or hive.");
        }
    }

    static JobRunSpec spec(JobRunView run) {
        JsonNode request = run.request();
        JsonNode sparkSubmit = request.path("jobDriver").path("sparkSubmit");
        List<String> arguments = new ArrayList<>();
        sparkSubmit.path("entryPointArguments").forEach(a -> arguments.add(a.asText()));
        String logUri = request.path("configurationOverrides").path("monitoringConfiguration")
                .path("s3MonitoringConfiguration").path("logUri").asText(null);
        return new JobRunSpec(run.applicationId(), run.jobRunId(), run.name(), run.releaseLabel(),
                sparkSubmit.path("entryPoint").asText(null), List.copyOf(arguments),
                sparkSubmit.path("sparkSubmitParameters").asText(null), logUri, request, 1);
    }
}
