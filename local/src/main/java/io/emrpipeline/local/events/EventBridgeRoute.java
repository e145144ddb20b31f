package io.emrpipeline.local.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.emrpipeline.local.http.GatewayRequest;
import io.emrpipeline.local.http.Json;
import io.emrpipeline.local.http.Replies;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * EventBridge {@code PutEvents}, answered by the gateway instead of moto (moto answers 500 once a
 * rule has a Lambda target). Each entry becomes a full EventBridge event routed through the
 * {@link EventRouter}. Every bus name is treated as the default bus: the pipeline uses only that.
 */
public final class EventBridgeRoute {

    public static final String TARGET = "AWSEvents.PutEvents";

    private final EventRouter router;
    private final String accountId;

    public EventBridgeRoute(EventRouter router, String accountId) {
        this.router = router;
        this.accountId = accountId;
    }

    public boolean handles(GatewayRequest request) {
        return TARGET.equals(request.target());
    }

    public void handle(GatewayRequest request, HttpExchange exchange) throws IOException {
        ObjectNode response = Json.object();
        ArrayNode results = response.putArray("Entries");
        int failed = 0;
        for (JsonNode entry : Json.parse(request.body()).path("Entries")) {
            String problem = problemWith(entry);
            if (problem != null) {
                failed++;
                results.addObject().put("ErrorCode", "InvalidArgument").put("ErrorMessage", problem);
                continue;
            }
            ObjectNode event = toEvent(entry, request.region());
            router.publish(event);
            results.addObject().put("EventId", event.path("id").asText());
        }
        response.put("FailedEntryCount", failed);
        Replies.bytes(exchange, 200, "application/x-amz-json-1.1", Json.bytes(response));
    }

    private ObjectNode toEvent(JsonNode entry, String region) {
        List<String> resources = new ArrayList<>();
        entry.path("Resources").forEach(r -> resources.add(r.asText()));
        Instant time = entry.hasNonNull("Time")
                ? Instant.ofEpochMilli((long) (entry.get("Time").asDouble() * 1000))
                : Instant.now();
        return EventEnvelope.of(entry.get("Source").asText(), entry.get("DetailType").asText(), region,
                accountId, resources, Json.parse(entry.get("Detail").asText()), time);
    }

    /** EventBridge rejects an entry (not the whole call) whose required fields are missing or whose Detail is not a JSON object. */
    private static String problemWith(JsonNode entry) {
        for (String field : List.of("Source", "DetailType", "Detail")) {
            if (!entry.hasNonNull(field)) {
                return "Parameter " + field + " is not valid. Reason: " + field + " is a required argument.";
            }
        }
        try {
            return Json.parse(entry.get("Detail").asText()).isObject() ? null
                    : "Detail is malformed. Reason: it must be a JSON object.";
        } catch (IllegalArgumentException e) {
            return "Detail is malformed. Reason: " + e.getMessage();
        }
    }
}
