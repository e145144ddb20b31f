package io.emrpipeline.infra.settings;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import software.constructs.Node;

/**
 * Typed reads of CDK context. Values come as JSON types from cdk.json and as strings from
 * {@code -c key=value}, so each reader accepts both.
 */
final class ContextValues {

    private final Function<String, Object> context;

    ContextValues(Function<String, Object> context) {
        this.context = context;
    }

    static ContextValues of(Node node) {
        return new ContextValues(node::tryGetContext);
    }

    Optional<String> string(String key) {
        Object value = context.apply(key);
        if (value == null) {
            return Optional.empty();
        }
        String text = String.valueOf(value).trim();
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    String string(String key, String fallback) {
        return string(key).orElse(fallback);
    }

    String matching(String key, String fallback, Pattern pattern, String expected) {
        String value = string(key, fallback);
        if (!pattern.matcher(value).matches()) {
            throw new InvalidSetting(key, "must be " + expected + ", was '" + value + "'");
        }
        return value;
    }

    boolean bool(String key, boolean fallback) {
        Optional<String> value = string(key);
        if (value.isEmpty()) {
            return fallback;
        }
        return switch (value.get()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidSetting(key, "must be true or false, was '" + value.get() + "'");
        };
    }

    int integer(String key, int fallback, int min, int max) {
        Optional<String> value = string(key);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.get());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below with the accepted range
        }
        throw new InvalidSetting(key, "must be a whole number from " + min + " to " + max + ", was '" + value.get() + "'");
    }

    /** A JSON array in cdk.json, or a comma-separated string from the command line. */
    List<String> list(String key) {
        Object value = context.apply(key);
        List<String> items = new ArrayList<>();
        if (value instanceof Collection<?> collection) {
            collection.forEach(item -> items.add(String.valueOf(item).trim()));
        } else if (value != null) {
            String text = String.valueOf(value).trim();
            if (text.startsWith("[")) {
                throw new InvalidSetting(key, "on the command line give a comma-separated list, not JSON");
            }
            for (String item : text.split(",")) {
                items.add(item.trim());
            }
        }
        items.removeIf(String::isEmpty);
        return List.copyOf(items);
    }

    List<String> listMatching(String key, Pattern pattern, String expected) {
        return listOf(key, pattern.asMatchPredicate(), expected);
    }

    /** A list whose every item passes {@code valid}, for rules that are not a local pattern. */
    List<String> listOf(String key, Predicate<String> valid, String expected) {
        List<String> items = list(key);
        for (String item : items) {
            if (!valid.test(item)) {
                throw new InvalidSetting(key, "holds '" + item + "', which is not " + expected);
            }
        }
        return items;
    }
}
