package io.emrpipeline.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import io.emrpipeline.contract.Contract;
import io.emrpipeline.contract.FunctionSpec;
import io.emrpipeline.core.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** What pipeline.asl.json sends each function and reads from its answer: the handlers' side of the contract. */
final class AslStates {

    private static final String PAYLOAD_PATH = "$.Payload.";
    private static final JsonNode STATES = Json.parse(Contract.get().stateMachineDefinition()
            .getBytes(StandardCharsets.UTF_8)).path("States");

    private AslStates() {}

    static JsonNode state(String name) {
        JsonNode state = STATES.path(name);
        if (!state.isObject()) {
            throw new IllegalArgumentException("pipeline.asl.json has no state " + name);
        }
        return state;
    }

    /** The fields of the Lambda's answer the state reads ({@code $.Payload.<field>} in its ResultSelector). */
    static Set<String> payloadFieldsSelectedBy(String stateName) {
        Set<String> fields = new TreeSet<>();
        state(stateName).path("ResultSelector").forEach(path -> {
            if (path.asText().startsWith(PAYLOAD_PATH)) {
                fields.add(path.asText().substring(PAYLOAD_PATH.length()));
            }
        });
        if (fields.isEmpty()) {
            throw new IllegalArgumentException(stateName + " selects no $.Payload field");
        }
        return fields;
    }

    /** The error names the state's Retry and Catch rules match. */
    static Set<String> errorsHandledBy(String stateName) {
        Set<String> names = new TreeSet<>();
        for (String rules : List.of("Retry", "Catch")) {
            state(stateName).path(rules).forEach(rule -> rule.path("ErrorEquals").forEach(name -> names.add(name.asText())));
        }
        return names;
    }

    /** The Payload templates of every Task state that invokes {@code function}. */
    static List<JsonNode> payloadsSentTo(FunctionSpec function) {
        String functionName = "${" + function.aslPlaceholder().orElseThrow() + "}";
        List<JsonNode> payloads = new ArrayList<>();
        STATES.forEach(state -> {
            if (functionName.equals(state.path("Parameters").path("FunctionName").asText())) {
                payloads.add(state.path("Parameters").path("Payload"));
            }
        });
        if (payloads.isEmpty()) {
            throw new IllegalArgumentException("no state of pipeline.asl.json invokes " + functionName);
        }
        return payloads;
    }
}
