package io.emrpipeline.connector.flyte;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import io.emrpipeline.connector.Json;
import java.nio.charset.StandardCharsets;

/**
 * What Propeller keeps between calls and hands back on GetTask and DeleteTask: the execution ARN,
 * or, for a task that could never start, the reason (GetTask then answers FAILED with it).
 * Small JSON, so a person reading Propeller's state can understand it.
 */
public record ResourceMeta(String executionArn, String invalidReason) {

    public static ResourceMeta execution(String executionArn) {
        return new ResourceMeta(executionArn, null);
    }

    public static ResourceMeta invalid(String reason) {
        return new ResourceMeta(null, reason);
    }

    public boolean isInvalid() {
        return invalidReason != null;
    }

    public ByteString toBytes() {
        ObjectNode json = Json.object();
        if (executionArn != null) {
            json.put("executionArn", executionArn);
        }
        if (invalidReason != null) {
            json.put("invalid", invalidReason);
        }
        return ByteString.copyFrom(Json.string(json), StandardCharsets.UTF_8);
    }

    public static ResourceMeta fromBytes(ByteString bytes) {
        JsonNode json = Json.parse(bytes.toString(StandardCharsets.UTF_8));
        String arn = json.path("executionArn").asText(null);
        String invalid = json.path("invalid").asText(null);
        if (arn == null && invalid == null) {
            throw new InvalidTask("resource_meta is not one this connector wrote: " + bytes.size() + " bytes");
        }
        return new ResourceMeta(arn, invalid);
    }
}
