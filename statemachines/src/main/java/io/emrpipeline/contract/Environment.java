package io.emrpipeline.contract;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.Optional;

/**
 * Typed reads of a component's environment variables, done once at start. A missing or malformed
 * value is a {@link ConfigurationError} naming the variable and what it must be. Blank counts as
 * unset.
 */
public final class Environment {

    private final Map<String, String> variables;

    public Environment(Map<String, String> variables) {
        this.variables = Map.copyOf(variables);
    }

    public static Environment system() {
        return new Environment(System.getenv());
    }

    public Optional<String> optional(String name) {
        return Optional.ofNullable(variables.get(name)).map(String::trim).filter(value -> !value.isEmpty());
    }

    public String required(String name) {
        return optional(name).orElseThrow(() -> new ConfigurationError(name, "is not set"));
    }

    public boolean bool(String name, boolean fallback) {
        Optional<String> value = optional(name);
        if (value.isEmpty()) {
            return fallback;
        }
        if (!value.get().equals("true") && !value.get().equals("false")) {
            throw new ConfigurationError(name, "must be true or false, was '" + value.get() + "'");
        }
        return Boolean.parseBoolean(value.get());
    }

    public int integer(String name, int fallback, int min, int max) {
        Optional<String> value = optional(name);
        if (value.isEmpty()) {
            return fallback;
        }
        int parsed;
        try {
            parsed = Integer.parseInt(value.get());
        } catch (NumberFormatException e) {
            throw new ConfigurationError(name, "must be a whole number, was '" + value.get() + "'");
        }
        if (parsed < min || parsed > max) {
            throw new ConfigurationError(name, "must be between " + min + " and " + max + ", was " + parsed);
        }
        return parsed;
    }

    /** An absolute URL such as {@code http://127.0.0.1:4566}. */
    public Optional<URI> url(String name) {
        return optional(name).map(value -> {
            try {
                URI uri = new URI(value);
                if (uri.getScheme() == null || uri.getHost() == null) {
                    throw new ConfigurationError(name, "must be an absolute URL such as http://127.0.0.1:4566, was '" + value + "'");
                }
                return uri;
            } catch (URISyntaxException e) {
                throw new ConfigurationError(name, "is not a URL: " + e.getMessage());
            }
        });
    }
}
