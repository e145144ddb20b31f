package io.emrpipeline.e2e;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.emrpipeline.core.Json;

/** Job requests the scenarios submit: a script-mode job, varied one field at a time. */
final class JobRequests {

    private JobRequests() {}

    static ObjectNode scriptJob(String applicationId) {
        ObjectNode request = Json.object().put("name", "scenario-job");
        request.putObject("application").put("id", applicationId);
        ObjectNode job = request.putObject("job").put("mode", "script")
                .put("entryPoint", "s3://emr-pipeline-local/jobs/job.py");
        job.putArray("arguments").add("--rows").add("10");
        job.putObject("sparkConf").put("spark.executor.memory", "2g");
        request.put("timeoutMinutes", 10);
        return request;
    }

    static ObjectNode byName(String applicationName) {
        ObjectNode request = scriptJob("placeholder");
        request.putObject("application").put("name", applicationName);
        return request;
    }
}
