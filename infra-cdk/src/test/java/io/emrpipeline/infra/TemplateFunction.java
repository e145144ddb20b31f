package io.emrpipeline.infra;

import com.fasterxml.jackson.databind.JsonNode;
import io.emrpipeline.contract.Contract;
import io.emrpipeline.contract.FunctionSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A Java Lambda function as a synthesized template deploys it: what Lambda reads from
 * {@code AWS::Lambda::Function} to start its runtime.
 *
 * @param functionName the name CDK gives it ({@code {namePrefix}-{kebab-name}})
 * @param handler the handler string Lambda's Java runtime loads
 * @param environmentNames the names of the environment variables CDK sets
 * @param codeKey the S3 key of the code asset, also its file name in the cloud assembly
 */
record TemplateFunction(String functionName, String handler, int timeoutSeconds, int memoryMb,
        Set<String> environmentNames, String codeKey) {

    /** Every function of the template that runs on a Java runtime (the functions jar's). */
    static List<TemplateFunction> javaFunctionsIn(JsonNode template) {
        List<TemplateFunction> functions = new ArrayList<>();
        template.path("Resources").forEach(resource -> {
            JsonNode properties = resource.path("Properties");
            if (resource.path("Type").asText().equals("AWS::Lambda::Function")
                    && properties.path("Runtime").asText().startsWith("java")) {
                Set<String> environment = new TreeSet<>();
                properties.path("Environment").path("Variables").fieldNames().forEachRemaining(environment::add);
                functions.add(new TemplateFunction(properties.path("FunctionName").asText(),
                        properties.path("Handler").asText(), properties.path("Timeout").asInt(),
                        properties.path("MemorySize").asInt(), environment, properties.path("Code").path("S3Key").asText()));
            }
        });
        return functions;
    }

    /** The function of contract.json this one deploys, found by the name CDK gives it. */
    FunctionSpec spec() {
        return Contract.get().functions().stream()
                .filter(spec -> functionName.endsWith("-" + spec.kebabName()))
                .findFirst()
                .orElseThrow(() -> new AssertionError(functionName + " is none of contract.json's functions"));
    }

    TemplateFunction withHandler(String otherHandler) {
        return new TemplateFunction(functionName, otherHandler, timeoutSeconds, memoryMb, environmentNames, codeKey);
    }

    @Override
    public String toString() {
        return functionName + " (" + handler + ")";
    }
}
