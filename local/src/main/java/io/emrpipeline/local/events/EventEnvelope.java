package io.emrpipeline.local.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.emrpipeline.local.http.Json;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** Builds the envelope EventBridge wraps around every event a target receives. */
public final class EventEnvelope {

    private EventEnvelope() {}

    public static ObjectNode of(String source, String detailType, String region, String account,
                                List<String> resources, JsonNode detail) {
        return of(source, detailType, region, account, resources, detail, Instant.now());
    }

    public static ObjectNode of(String source, String detailType, String region, String account,
                                List<String> resources, JsonNode detail, Instant time) {
        ObjectNode event = Json.object()
                .put("version", "0")
                .put("id", UUID.randomUUID().toString())
                .put("detail-type", detailType)
                .put("source", source)
                .put("account", account)
                // EventBridge's "time" has whole seconds.
                .put("time", time.truncatedTo(ChronoUnit.SECONDS).toString())
                .put("region", region);
        resources.forEach(event.putArray("resources")::add);
        event.set("detail", detail);
        return event;
    }
}
