package io.emrpipeline.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.emrpipeline.contract.Contract;
import io.emrpipeline.contract.DomainEventType;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.event.ruler.Machine;

/**
 * The EventBridge patterns exactly as synthesized, matched with AWS's Event Ruler (the engine
 * EventBridge uses) against sample events: every EMR Serverless job state, every execution
 * status, every domain event.
 */
class RulePatternsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Contract CONTRACT = Contract.get();
    /** The ARN the fixtures' executions belong to; stands in for the state machine's Ref. */
    private static final String THIS_MACHINE = "arn:aws:states:eu-west-1:111122223333:stateMachine:emr-pipeline";
    /** The application the EMR fixtures belong to; stands in for the created application's id. */
    private static final String THIS_APPLICATION = "00fq2rhm4nqa3l09";

    private final SynthesizedPipeline pipeline = SynthesizedPipeline.defaults();

    /** Every job run state contract.json knows; each has a fixture. */
    static Stream<String> jobRunStates() {
        return Stream.concat(CONTRACT.terminalStates().stream(), CONTRACT.waitingStates().stream()).sorted();
    }

    @ParameterizedTest(name = "EMR job run {0} -> JobStateChange")
    @MethodSource("jobRunStates")
    void exactlyTheTerminalJobStatesReachJobStateChange(String state) throws Exception {
        JsonNode event = fixture("emr-serverless/job-run-" + state.toLowerCase(Locale.ROOT) + ".json");
        assertEquals(state, event.at("/detail/state").asText(), "the fixture's state");
        assertEquals(CONTRACT.isTerminal(state), matches("RulesJobRunStateChange", event));
    }

    @Test
    void anotherApplicationsJobRunNeverReachesJobStateChange() throws Exception {
        ObjectNode event = (ObjectNode) fixture("emr-serverless/job-run-failed.json");
        assertEquals(true, matches("RulesJobRunStateChange", event), "this deployment's application");
        ((ObjectNode) event.path("detail")).put("applicationId", "00otherteam00001");
        assertEquals(false, matches("RulesJobRunStateChange", event), "another team's application costs nothing");
    }

    @ParameterizedTest(name = "execution {0} -> CancelOnAbort: {1}")
    @CsvSource({"running,false", "succeeded,false", "failed-emrjobfailed,false", "failed-pipelinefailed,false",
            "timed-out-states-timeout,true", "aborted,true"})
    void abortedAndTimedOutExecutionsReachCancelOnAbort(String status, boolean expected) throws Exception {
        assertEquals(expected, matches("RulesCancelOnAbort", "step-functions/execution-" + status + ".json"));
    }

    @Test
    void anotherStateMachinesAbortedExecutionIsIgnored() throws Exception {
        ObjectNode event = (ObjectNode) fixture("step-functions/execution-aborted.json");
        ((ObjectNode) event.path("detail")).put("stateMachineArn", THIS_MACHINE + "-other");
        assertEquals(false, matches("RulesCancelOnAbort", event));
    }

    @ParameterizedTest(name = "execution {0} -> notification: {1}")
    @CsvSource({"running,false", "succeeded,false", "aborted,false", "failed-emrjobfailed,false",
            "failed-pipelinefailed,true", "timed-out-states-timeout,true", "failed-without-error-field,true"})
    void executionFailuresNotifyUnlessTheJobsOwnEventDoes(String status, boolean expected) throws Exception {
        assertEquals(expected, matches("NotificationsExecutionFailed", "step-functions/execution-" + status + ".json"));
    }

    @ParameterizedTest(name = "domain event {0} -> notification")
    @EnumSource(DomainEventType.class)
    void failedAndCancelledJobRunsNotify(DomainEventType type) throws Exception {
        JsonNode event = fixture("domain/job-run-" + type.name().toLowerCase(Locale.ROOT) + ".json");
        assertEquals(CONTRACT.domainEventSource(), event.path("source").asText(), "the fixture's source");
        assertEquals(CONTRACT.detailType(type), event.path("detail-type").asText(), "the fixture's detail-type");
        boolean expected = type == DomainEventType.FAILED || type == DomainEventType.CANCELLED;
        assertEquals(expected, matches("NotificationsJobRunFailed", event));
    }

    private boolean matches(String ruleIdPrefix, String fixture) throws Exception {
        return matches(ruleIdPrefix, fixture(fixture));
    }

    private boolean matches(String ruleIdPrefix, JsonNode event) throws Exception {
        Machine machine = new Machine();
        machine.addRule(ruleIdPrefix, JSON.writeValueAsString(pattern(ruleIdPrefix)));
        return !machine.rulesForJSONEvent(JSON.writeValueAsString(event)).isEmpty();
    }

    /** The rule's EventPattern from the template, with the state machine's Ref resolved to the fixtures' ARN. */
    private JsonNode pattern(String ruleIdPrefix) {
        var rules = pipeline.json().path("Resources").properties().stream()
                .filter(entry -> entry.getKey().startsWith(ruleIdPrefix)
                        && entry.getValue().path("Type").asText().equals("AWS::Events::Rule"))
                .map(Map.Entry::getValue).toList();
        assertEquals(1, rules.size(), "rules named " + ruleIdPrefix);
        String machineId = pipeline.resourceId("AWS::StepFunctions::StateMachine");
        String applicationId = pipeline.resourceId("AWS::EMRServerless::Application");
        String pattern = rules.get(0).at("/Properties/EventPattern").toString()
                .replace("{\"Ref\":\"" + machineId + "\"}", "\"" + THIS_MACHINE + "\"")
                .replace("{\"Fn::GetAtt\":[\"" + applicationId + "\",\"ApplicationId\"]}", "\"" + THIS_APPLICATION + "\"");
        if (pattern.contains("\"Ref\"") || pattern.contains("Fn::")) {
            // The execution-failure rule uses the ARN built from the machine's name.
            pattern = resolveFormattedArn(pattern);
        }
        try {
            return JSON.readTree(pattern);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String resolveFormattedArn(String pattern) throws RuntimeException {
        String joined = "{\"Fn::Join\":[\"\",[\"arn:\",{\"Ref\":\"AWS::Partition\"},\":states:\",{\"Ref\":\"AWS::Region\"},"
                + "\":\",{\"Ref\":\"AWS::AccountId\"},\":stateMachine:emr-pipeline\"]]}";
        String resolved = pattern.replace(joined, "\"" + THIS_MACHINE + "\"");
        if (resolved.contains("\"Ref\"") || resolved.contains("Fn::")) {
            throw new AssertionError("unresolved reference left in pattern: " + resolved);
        }
        return resolved;
    }

    private static JsonNode fixture(String name) throws IOException {
        try (InputStream in = RulePatternsTest.class.getResourceAsStream("/events/" + name)) {
            if (in == null) {
                throw new AssertionError("missing fixture events/" + name);
            }
            return JSON.readTree(in);
        }
    }
}
