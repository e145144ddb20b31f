package io.emrpipeline.local.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A notify rule's SNS target, locally: the rule's message (a contract.json notification template)
 * rendered from the matched event the way EventBridge's input transformer renders it, then handed
 * to a publisher (the local deployment publishes it to its SNS topic in moto).
 */
public record NotificationTarget(String template, Consumer<String> publisher) {

    private static final Pattern FIELD = Pattern.compile("<\\$\\.([^>]+)>");

    /** {@code <$.detail.state>} becomes the event's value there; a missing field becomes empty text. */
    public static String render(String template, JsonNode event) {
        Matcher field = FIELD.matcher(template);
        StringBuilder text = new StringBuilder();
        while (field.find()) {
            JsonNode value = event;
            for (String name : field.group(1).split("\\.")) {
                value = value.path(name);
            }
            String replacement = value.isValueNode() ? value.asText() : value.isMissingNode() || value.isNull() ? "" : value.toString();
            field.appendReplacement(text, Matcher.quoteReplacement(replacement));
        }
        field.appendTail(text);
        return text.toString();
    }

    void deliver(JsonNode event) {
        publisher.accept(render(template, event));
    }
}
