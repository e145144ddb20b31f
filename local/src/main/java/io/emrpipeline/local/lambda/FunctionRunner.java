package io.emrpipeline.local.lambda;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What runs a function's invocations. The local pipeline uses AWS's own Java runtime in separate
 * processes ({@code runtime.EnvironmentPool}); {@link InProcessRunner} runs a handler object in
 * this JVM, for the narrow tests of the gateway itself.
 */
public interface FunctionRunner extends AutoCloseable {

    /** Runs one invocation to its end and returns what the caller of Invoke receives. */
    Outcome invoke(String requestId, byte[] payload);

    /** The runtime of this function's environments died: the next invocation starts a new one. */
    default void discardEnvironments() {}

    @Override
    default void close() {}

    /**
     * What an invocation returned.
     *
     * @param payload the handler's output, or Lambda's error document
     * @param errorType the error document's {@code errorType} (what Step Functions matches); null on success
     * @param errorMessage the error document's {@code errorMessage}; null on success
     */
    record Outcome(String payload, String errorType, String errorMessage) {

        public static Outcome success(String payload) {
            return new Outcome(payload, null, null);
        }

        /** A function error, from the error document Lambda returns ({@code errorType}, {@code errorMessage}, …). */
        public static Outcome failure(JsonNode document) {
            return new Outcome(document.toString(), document.path("errorType").asText(),
                    document.path("errorMessage").asText());
        }
    }
}
