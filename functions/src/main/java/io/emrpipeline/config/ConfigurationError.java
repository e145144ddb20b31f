package io.emrpipeline.config;

/** A missing or malformed setting; fails the cold start with the variable's name. */
public final class ConfigurationError extends RuntimeException {

    public ConfigurationError(String variable, String problem) {
        super("Environment variable " + variable + " " + problem);
    }
}
