package io.emrpipeline.connector.flyte;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import flyteidl.core.Literals.Literal;
import flyteidl.core.Literals.LiteralMap;
import flyteidl.core.Literals.Primitive;
import flyteidl.core.Literals.Scalar;
import io.emrpipeline.connector.Json;

/**
 * A succeeded task's outputs, the ones the Python plugin declares: {@code application_id} and
 * {@code job_run_id} (str) and {@code job_run} (dict: ids, state, timestamps, durations,
 * resource utilization, links), so downstream tasks can use the run without another AWS call.
 */
public final class OutputLiterals {

    public static final String APPLICATION_ID = "application_id";
    public static final String JOB_RUN_ID = "job_run_id";
    public static final String JOB_RUN = "job_run";

    private OutputLiterals() {}

    public static LiteralMap of(JsonNode successOutput) {
        JsonNode jobRun = successOutput.path("jobRun");
        ObjectNode details = jobRun.isObject() ? ((ObjectNode) jobRun).deepCopy() : Json.object();
        if (successOutput.path("links").isObject()) {
            details.set("links", successOutput.path("links"));
        }
        return LiteralMap.newBuilder()
                .putLiterals(APPLICATION_ID, string(jobRun.path("applicationId").asText("")))
                .putLiterals(JOB_RUN_ID, string(jobRun.path("jobRunId").asText("")))
                .putLiterals(JOB_RUN, Literal.newBuilder()
                        .setScalar(Scalar.newBuilder().setGeneric(StructJson.toStruct(details))).build())
                .build();
    }

    private static Literal string(String value) {
        return Literal.newBuilder()
                .setScalar(Scalar.newBuilder().setPrimitive(Primitive.newBuilder().setStringValue(value))).build();
    }
}
