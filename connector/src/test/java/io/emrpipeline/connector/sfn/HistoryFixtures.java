package io.emrpipeline.connector.sfn;

import com.fasterxml.jackson.databind.JsonNode;
import io.emrpipeline.connector.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/**
 * Execution histories kept as JSON under src/test/resources/events/history/, in a short form
 * ({@code id, type, name, output, error, cause}) turned into the SDK's events here.
 */
public final class HistoryFixtures {

    private HistoryFixtures() {}

    public static List<HistoryEvent> load(String name) {
        try (InputStream in = HistoryFixtures.class.getResourceAsStream("/events/history/" + name)) {
            JsonNode events = Json.MAPPER.readTree(in);
            List<HistoryEvent> result = new ArrayList<>();
            events.forEach(event -> result.add(event(event)));
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HistoryEvent event(JsonNode json) {
        String type = json.path("type").asText();
        String output = json.has("output") ? Json.string(json.get("output")) : null;
        String error = json.path("error").asText(null);
        String cause = json.path("cause").asText(null);
        HistoryEvent.Builder event = HistoryEvent.builder().id(json.path("id").asLong()).type(type);
        switch (type) {
            case "ExecutionSucceeded" -> event.executionSucceededEventDetails(d -> d.output(output));
            case "ExecutionFailed" -> event.executionFailedEventDetails(d -> d.error(error).cause(cause));
            case "ExecutionAborted" -> event.executionAbortedEventDetails(d -> d.error(error).cause(cause));
            case "ExecutionTimedOut" -> event.executionTimedOutEventDetails(d -> d.error(error).cause(cause));
            default -> {
                if (json.has("name")) {
                    event.stateExitedEventDetails(d -> d.name(json.get("name").asText()).output(output));
                }
            }
        }
        return event.build();
    }
}
