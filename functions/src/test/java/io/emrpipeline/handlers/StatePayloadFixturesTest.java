package io.emrpipeline.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.emrpipeline.contract.Contract;
import io.emrpipeline.contract.FunctionSpec;
import io.emrpipeline.core.Json;
import io.emrpipeline.core.fakes.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fixtures under events/state-machine/ are what pipeline.asl.json sends: same fields, same
 * nesting. A field renamed in the ASL fails here, not first in the emulator.
 */
class StatePayloadFixturesTest {

    private static final String FOLDER = "state-machine";

    static Stream<String> payloadFixtures() {
        return Fixtures.paths(FOLDER);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("payloadFixtures")
    void theFixtureHasTheShapeOfEveryPayloadTheAslSendsThatFunction(String path) {
        FunctionSpec function = functionFor(path);

        for (JsonNode template : AslStates.payloadsSentTo(function)) {
            assertEquals(List.of(), mismatches(template, Fixtures.event(path)), path + " against " + template);
        }
    }

    @Test
    void everyFunctionTheAslInvokesHasAPayloadFixture() {
        Set<String> fixtures = new TreeSet<>(Fixtures.paths(FOLDER).toList());

        for (FunctionSpec function : Contract.get().functions()) {
            if (function.aslPlaceholder().isPresent()) {
                assertTrue(fixtures.contains(fixturePath(function)), "no fixture " + fixturePath(function) + " in " + fixtures);
            }
        }
    }

    @Test
    void aFixtureThatDriftedFromTheAslIsReported() {
        JsonNode template = Json.object().put("executionName.$", "$$.Execution.Name")
                .set("execution", Json.object().put("arn.$", "$$.Execution.Id"));
        JsonNode drifted = Json.object().put("executionId", "exec-0001")
                .set("execution", Json.object().put("arn", "arn").put("name", "exec-0001"));

        assertEquals(List.of(
                "$: the ASL sends [execution, executionName], the fixture has [execution, executionId]",
                "$.execution: the ASL sends [arn], the fixture has [arn, name]"), mismatches(template, drifted));
    }

    /** Where the fixture's field names differ from the template's ({@code name.$} sends {@code name}). */
    static List<String> mismatches(JsonNode template, JsonNode fixture) {
        List<String> found = new ArrayList<>();
        collectMismatches(template, fixture, "$", found);
        return found;
    }

    private static void collectMismatches(JsonNode template, JsonNode fixture, String at, List<String> found) {
        Set<String> sent = new TreeSet<>();
        template.fieldNames().forEachRemaining(name -> sent.add(name.endsWith(".$") ? name.substring(0, name.length() - 2) : name));
        Set<String> present = new TreeSet<>();
        fixture.fieldNames().forEachRemaining(present::add);
        if (!sent.equals(present)) {
            found.add(at + ": the ASL sends " + sent + ", the fixture has " + present);
        }
        template.fields().forEachRemaining(field -> {
            if (field.getValue().isObject() && fixture.path(field.getKey()).isObject()) {
                collectMismatches(field.getValue(), fixture.get(field.getKey()), at + "." + field.getKey(), found);
            }
        });
    }

    private static FunctionSpec functionFor(String path) {
        return Contract.get().functions().stream().filter(function -> fixturePath(function).equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError(path + " is named after no function of contract.json"));
    }

    private static String fixturePath(FunctionSpec function) {
        return FOLDER + "/" + function.kebabName() + ".json";
    }
}
