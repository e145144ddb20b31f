package io.emrpipeline.local.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * An event as it reached the local bus.
 *
 * @param matchedRules the rules whose pattern matched it
 * @param dropped true when a fault knob discarded it before delivery (a lost event)
 */
public record PublishedEvent(ObjectNode event, List<String> matchedRules, boolean dropped) {

    public String source() {
        return event.path("source").asText();
    }

    public String detailType() {
        return event.path("detail-type").asText();
    }

    public ObjectNode detail() {
        return (ObjectNode) event.path("detail");
    }
}
