package io.emrpipeline.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * One Lambda function of the pipeline, as deployed: what CDK creates and what the local runtime
 * starts.
 *
 * @param name the logical name (SubmitJobRun, …); the deployed name is prefix + kebab case
 * @param handler the handler string Lambda loads, {@code class::method}
 * @param aslPlaceholder the ASL placeholder filled with this function's ARN; empty for functions
 *     only EventBridge calls
 * @param timeoutSeconds the function timeout
 * @param description what the function does, for the console
 */
public record FunctionSpec(String name, String handler, Optional<String> aslPlaceholder, int timeoutSeconds,
        String description) {

    static FunctionSpec from(JsonNode node) {
        return new FunctionSpec(
                node.path("name").asText(),
                node.path("handler").asText(),
                Optional.ofNullable(node.path("aslPlaceholder").textValue()),
                node.path("timeoutSeconds").asInt(),
                node.path("description").asText());
    }

    /** The handler's class name, without the method. */
    public String handlerClass() {
        return handler.substring(0, handler.indexOf("::"));
    }

    /** {@code SubmitJobRun} → {@code submit-job-run}, the suffix of the deployed function name. */
    public String kebabName() {
        return name.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }
}
