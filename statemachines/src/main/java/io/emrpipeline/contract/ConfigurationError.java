package io.emrpipeline.contract;

/** A missing or malformed setting: the component refuses to start, naming the variable. */
public final class ConfigurationError extends RuntimeException {

    public ConfigurationError(String variable, String problem) {
        super("Environment variable " + variable + " " + problem);
    }
}
