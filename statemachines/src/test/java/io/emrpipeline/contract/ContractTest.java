package io.emrpipeline.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The files of this module agree with contract.json, so a change in one place fails here first. */
class ContractTest {

    private static final Contract CONTRACT = Contract.get();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theAslUsesExactlyTheContractsPlaceholders() {
        assertEquals(new TreeSet<>(CONTRACT.aslPlaceholders()), Placeholders.in(CONTRACT.stateMachineDefinition()));
    }

    @Test
    void everyFailStateOfTheAslIsAContractErrorAndEveryContractErrorIsAFailState() throws Exception {
        Set<String> failErrors = new TreeSet<>();
        JSON.readTree(CONTRACT.stateMachineDefinition()).path("States").forEach(state -> {
            if ("Fail".equals(state.path("Type").asText())) {
                failErrors.add(state.path("Error").asText());
            }
        });

        assertEquals(new TreeSet<>(CONTRACT.executionErrors().keySet()), failErrors);
    }

    @Test
    void theStateChangeRuleForwardsExactlyTheTerminalStates() throws Exception {
        JsonNode pattern = pattern("jobRunStateChange", Map.of());

        assertEquals(CONTRACT.terminalStates(), strings(pattern.path("detail").path("state")));
    }

    @Test
    void terminalAndWaitingStatesAreDisjoint() {
        Set<String> both = new HashSet<>(CONTRACT.terminalStates());
        both.retainAll(CONTRACT.waitingStates());

        assertTrue(both.isEmpty(), "in both sets: " + both);
    }

    @Test
    void theFailureNotificationMatchesTheFailedAndCancelledDomainEvents() throws Exception {
        JsonNode pattern = pattern("notifyJobRunFailed", Map.of());

        assertEquals(Set.of(CONTRACT.domainEventSource()), strings(pattern.path("source")));
        assertEquals(Set.of(CONTRACT.detailType(DomainEventType.FAILED), CONTRACT.detailType(DomainEventType.CANCELLED)),
                strings(pattern.path("detail-type")));
    }

    @Test
    void theExecutionNotificationLeavesOutOnlyTheErrorsAJobEventAlreadyTells() throws Exception {
        JsonNode pattern = pattern("notifyExecutionFailed", Map.of(CONTRACT.stateMachineArnPlaceholder(), "arn"));
        JsonNode anythingBut = pattern.path("detail").path("$or").get(1).path("error").get(0).path("anything-but");

        assertEquals(Set.of("EmrJobFailed", "EmrJobCancelled"), strings(anythingBut));
        strings(anythingBut).forEach(error -> assertTrue(CONTRACT.executionError(error).isPresent(), error));
    }

    @Test
    void aPatternRefusesAMissingOrAnUnknownPlaceholder() {
        EventPatternTemplate aborted = CONTRACT.eventPattern("executionAbortedOrTimedOut");

        assertThrows(IllegalStateException.class, () -> aborted.fill(Map.of()));
        assertThrows(IllegalStateException.class, () -> aborted.fill(Map.of("StateMachineArn", "a", "Other", "b")));
    }

    @Test
    void handlerStringsNameAClassAndAMethod() {
        CONTRACT.functions().forEach(spec -> {
            assertTrue(spec.handler().matches("[a-z.]+\\.[A-Z][A-Za-z]+::handleRequest"), spec.handler());
            assertTrue(spec.timeoutSeconds() > 0 && spec.timeoutSeconds() <= 900, spec.name());
        });
        assertEquals("submit-job-run", CONTRACT.function("SubmitJobRun").kebabName());
    }

    @Test
    void theRoleRuleAcceptsRoleArnsOnly() {
        assertTrue(CONTRACT.isRoleArn("arn:aws:iam::123456789012:role/path/emr-job"));
        assertTrue(CONTRACT.isRoleArn("arn:aws-cn:iam::123456789012:role/emr+job=x,y.z@w-1"));
        assertEquals(false, CONTRACT.isRoleArn("arn:aws:iam::123456789012:user/emr"));
        assertEquals(false, CONTRACT.isRoleArn("arn:aws:iam::12345:role/emr"));
        assertEquals(false, CONTRACT.isRoleArn("arn:aws:iam::123456789012:role/emr\n"));
    }

    private static JsonNode pattern(String key, Map<String, String> values) throws Exception {
        return JSON.readTree(CONTRACT.eventPattern(key).fill(values));
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> values = new HashSet<>();
        array.forEach(node -> values.add(node.asText()));
        return values;
    }
}
