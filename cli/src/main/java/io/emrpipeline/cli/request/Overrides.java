package io.emrpipeline.cli.request;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.emrpipeline.cli.CliError;
import io.emrpipeline.core.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code --set KEY=VALUE}: changes one field of the job request before it is checked and sent.
 * KEY is a path of field names joined by dots, with {@code [n]} for an array element and
 * {@code [name]} for a field whose name has dots ({@code job.sparkConf[spark.executor.memory]=4g}).
 * VALUE replaces a string field as a string; anywhere else it is read as JSON when it is JSON
 * ({@code 10}, {@code true}, {@code ["a"]}) and as a string otherwise.
 */
public final class Overrides {

    private static final String SYNTAX = "write --set KEY=VALUE, e.g. --set timeoutMinutes=10, "
            + "--set job.arguments[1]=s3://bucket/out/, --set job.sparkConf[spark.executor.memory]=4g";

    private Overrides() {}

    public static JsonNode apply(JsonNode request, List<String> settings) {
        if (settings == null || settings.isEmpty()) {
            return request;
        }
        if (!request.isObject()) {
            throw CliError.badRequest("--set needs a job request that is a JSON object", "fix the file first (`emr-pipeline validate`)");
        }
        ObjectNode copy = request.deepCopy();
        for (String setting : settings) {
            int equals = setting.indexOf('=');
            if (equals <= 0) {
                throw CliError.badRequest("--set " + setting + ": no KEY=VALUE", SYNTAX);
            }
            set(copy, setting.substring(0, equals), path(setting.substring(0, equals)), setting.substring(equals + 1));
        }
        return copy;
    }

    /** The path's segments: field names, or array indexes as {@link Integer}. */
    static List<Object> path(String key) {
        List<Object> segments = new ArrayList<>();
        int i = 0;
        while (i < key.length()) {
            char c = key.charAt(i);
            if (c == '[') {
                int close = key.indexOf(']', i);
                if (close < 0 || close == i + 1) {
                    throw CliError.badRequest("--set " + key + ": an unclosed or empty [...]", SYNTAX);
                }
                String inside = key.substring(i + 1, close);
                segments.add(inside.matches("[0-9]+") ? (Object) Integer.valueOf(inside) : inside);
                i = close + 1;
                if (i < key.length() && key.charAt(i) == '.') {
                    i++;
                }
            } else {
                int end = i;
                while (end < key.length() && key.charAt(end) != '.' && key.charAt(end) != '[') {
                    end++;
                }
                if (end == i) {
                    throw CliError.badRequest("--set " + key + ": an empty field name", SYNTAX);
                }
                segments.add(key.substring(i, end));
                i = end < key.length() && key.charAt(end) == '.' ? end + 1 : end;
            }
        }
        return segments;
    }

    private static void set(ObjectNode root, String key, List<Object> path, String value) {
        JsonNode parent = root;
        for (int i = 0; i < path.size() - 1; i++) {
            parent = child(parent, path.get(i), path.get(i + 1), key);
        }
        Object last = path.get(path.size() - 1);
        if (parent instanceof ObjectNode object && last instanceof String field) {
            object.set(field, valueFor(object.get(field), value));
        } else if (parent instanceof ArrayNode array && last instanceof Integer index && index <= array.size()) {
            JsonNode node = valueFor(index < array.size() ? array.get(index) : null, value);
            if (index == array.size()) {
                array.add(node);
            } else {
                array.set(index, node);
            }
        } else {
            throw CliError.badRequest("--set " + key + ": " + last + " does not fit there (an index past the end "
                    + "of an array, or a field of something that is not an object)", SYNTAX);
        }
    }

    /** The next container along the path, created (as an object or array, as the next segment asks) when absent. */
    private static JsonNode child(JsonNode parent, Object segment, Object next, String key) {
        JsonNode existing = segment instanceof String field ? parent.get(field)
                : parent.isArray() && (Integer) segment < parent.size() ? parent.get((Integer) segment) : null;
        if (existing != null && existing.isContainerNode()) {
            return existing;
        }
        JsonNode created = next instanceof Integer ? Json.MAPPER.createArrayNode() : Json.object();
        if (parent instanceof ObjectNode object && segment instanceof String field) {
            object.set(field, created);
        } else if (parent instanceof ArrayNode array && segment instanceof Integer index && index == array.size()) {
            array.add(created);
        } else {
            throw CliError.badRequest("--set " + key + ": cannot reach " + segment, SYNTAX);
        }
        return created;
    }

    private static JsonNode valueFor(JsonNode existing, String value) {
        if (existing != null && existing.isTextual()) {
            return TextNode.valueOf(value);
        }
        try {
            JsonNode parsed = Json.MAPPER.readTree(value);
            return parsed == null || parsed.isMissingNode() ? TextNode.valueOf(value) : parsed;
        } catch (JsonProcessingException notJson) {
            return TextNode.valueOf(value);
        }
    }
}
