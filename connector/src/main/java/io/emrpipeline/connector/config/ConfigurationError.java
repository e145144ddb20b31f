package io.emrpipeline.connector.config;

/** A missing or malformed environment variable: the connector refuses to start, naming it. */
public final class ConfigurationError extends RuntimeException {

    public ConfigurationError(String variable, String problem) {
        super("environment variable " + variable + " " + problem);
    }
}
