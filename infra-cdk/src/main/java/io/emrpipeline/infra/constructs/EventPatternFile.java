package io.emrpipeline.infra.constructs;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awscdk.services.events.EventPattern;

/**
 * Reads one of the repository's event pattern files (statemachines/event-patterns/*.json, the
 * same files the local gateway matches with) into an {@link EventPattern}, replacing
 * {@code ${Name}} placeholders in string values.
 */
public final class EventPatternFile {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9]+)}");
    private static final Set<String> SUPPORTED = Set.of("source", "detail-type", "detail", "resources", "account", "region");

    private EventPatternFile() {}

    public static EventPattern load(Path file, Map<String, String> substitutions) {
        Map<String, Object> pattern;
        try {
            pattern = new ObjectMapper().readValue(file.toFile(), new TypeReference<Map<String, Object>>() {});
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read event pattern " + file, e);
        }
        for (String key : pattern.keySet()) {
            if (!SUPPORTED.contains(key)) {
                throw new IllegalStateException(file + " has top-level field '" + key + "', which the stack cannot deploy");
            }
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> filled = (Map<String, Object>) substitute(pattern, substitutions, file);
        return EventPattern.builder()
                .source(strings(filled.get("source")))
                .detailType(strings(filled.get("detail-type")))
                .detail(detail(filled.get("detail")))
                .resources(strings(filled.get("resources")))
                .account(strings(filled.get("account")))
                .region(strings(filled.get("region")))
                .build();
    }

    private static Object substitute(Object value, Map<String, String> substitutions, Path file) {
        if (value instanceof String text) {
            Matcher placeholder = PLACEHOLDER.matcher(text);
            while (placeholder.find()) {
                if (!substitutions.containsKey(placeholder.group(1))) {
                    throw new IllegalStateException(file + " has a placeholder the stack does not fill: " + placeholder.group());
                }
            }
            String result = text;
            for (var entry : substitutions.entrySet()) {
                result = result.replace("${" + entry.getKey() + "}", entry.getValue());
            }
            return result;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, child) -> copy.put(String.valueOf(key), substitute(child, substitutions, file)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(child -> copy.add(substitute(child, substitutions, file)));
            return copy;
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object value) {
        return value == null ? null : (List<String>) value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> detail(Object value) {
        return value == null ? null : (Map<String, Object>) value;
    }
}
