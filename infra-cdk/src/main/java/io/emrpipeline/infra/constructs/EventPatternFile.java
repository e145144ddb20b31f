package io.emrpipeline.infra.constructs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.emrpipeline.contract.EventPatternTemplate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awscdk.services.events.EventPattern;

/**
 * One of the contract's event pattern files (statemachines/event-patterns/*.json, the same files
 * the local gateway matches with) as an {@link EventPattern}. The file's JSON is deployed as
 * written: {@code detail} goes through as a map, so content filters ({@code $or},
 * {@code exists}, {@code anything-but}) reach EventBridge unchanged.
 */
public final class EventPatternFile {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> SUPPORTED = Set.of("source", "detail-type", "detail", "resources", "account", "region");

    private EventPatternFile() {}

    /** The pattern with its {@code ${Name}} placeholders filled by {@code values} (all of them, no others). */
    public static EventPattern load(EventPatternTemplate template, Map<String, String> values) {
        return load(template, values, Map.of());
    }

    /** As {@link #load(EventPatternTemplate, Map)}, narrowed by more {@code detail} fields known only at deploy time. */
    public static EventPattern load(EventPatternTemplate template, Map<String, String> values, Map<String, Object> moreDetail) {
        Map<String, Object> pattern = parse(template.file(), template.fill(values));
        if (!moreDetail.isEmpty()) {
            Map<String, Object> detail = new LinkedHashMap<>();
            if (pattern.get("detail") != null) {
                detail.putAll(detail(pattern.get("detail")));
            }
            detail.putAll(moreDetail);
            pattern.put("detail", detail);
        }
        for (String key : pattern.keySet()) {
            if (!SUPPORTED.contains(key)) {
                throw new IllegalStateException(template.file() + " has top-level field '" + key
                        + "', which the stack cannot deploy");
            }
        }
        return EventPattern.builder()
                .source(strings(pattern.get("source")))
                .detailType(strings(pattern.get("detail-type")))
                .detail(detail(pattern.get("detail")))
                .resources(strings(pattern.get("resources")))
                .account(strings(pattern.get("account")))
                .region(strings(pattern.get("region")))
                .build();
    }

    private static Map<String, Object> parse(String file, String json) {
        try {
            return JSON.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("statemachines/" + file + " is not a JSON object once filled", e);
        }
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
