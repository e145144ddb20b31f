package io.emrpipeline.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.emrpipeline.contract.Contract;
import io.emrpipeline.contract.FunctionSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Least privilege, statement by statement, in the default deployment's template. */
class IamPolicyTest {

    private final SynthesizedPipeline pipeline = SynthesizedPipeline.defaults();

    @Test
    void passRoleOnlyForTheAllowedRolesAndOnlyToEmrServerless() {
        List<JsonNode> passRole = withAction("iam:PassRole");
        assertEquals(1, passRole.size(), "only SubmitJobRun passes a role");
        JsonNode statement = passRole.get(0);
        assertEquals("emr-serverless.amazonaws.com", statement.at("/Condition/StringEquals/iam:PassedToService").asText());
        assertTrue(statement.path("Resource").toString().contains("JobRuntimeRole"), statement.toString());
        assertFalse(statement.path("Resource").toString().contains("\"*\""));
    }

    @Test
    void taskCallbacksOnlyOnThisStateMachine() {
        List<JsonNode> sendTask = withAction("states:SendTaskSuccess");
        assertEquals(4, sendTask.size(), "every path that can claim a job run's end completes its wait");
        for (JsonNode statement : sendTask) {
            String resource = statement.path("Resource").toString();
            assertTrue(resource.contains(":stateMachine:emr-pipeline"), resource);
        }
        assertEquals(Set.of("AwaitJobRun", "JobStateChange", "ReconcileJobRun", "ReconcileSweep"),
                functionsWith("states:SendTaskSuccess"));
    }

    @Test
    void emrActionsAreScopedToTheApplicationExceptListApplications() {
        for (JsonNode statement : allStatements()) {
            String actions = statement.path("Action").toString();
            if (actions.contains("emr-serverless:") && !actions.contains("ListApplications")) {
                String resource = statement.path("Resource").toString();
                assertTrue(resource.contains("EmrApplication") && resource.contains("Arn"), actions + " -> " + resource);
            }
        }
        List<JsonNode> list = withAction("emr-serverless:ListApplications");
        assertEquals(1, list.size());
        assertEquals("*", list.get(0).path("Resource").asText(), "ListApplications supports no resource scope");
        assertTrue(withAction("emr-serverless:CreateApplication").isEmpty(), "creation at run time is off by default");
    }

    @Test
    void eachFunctionReachesOnlyItsOwnBucketPrefixes() {
        Map<String, Set<String>> expected = Map.of(
                "SubmitJobRun", Set.of("/entrypoints/*", "/runs/*", "/callbacks/*"),
                "AwaitJobRun", Set.of("/callbacks/*", "/claims/*"),
                "JobStateChange", Set.of("/callbacks/*", "/claims/*"),
                "ReconcileJobRun", Set.of("/callbacks/*", "/claims/*"),
                "ReconcileSweep", Set.of("/callbacks/*", "/claims/*"),
                "CancelJobRun", Set.of("/runs/*", "/callbacks/*"));
        assertEquals(contractFunctionNames(), expected.keySet(), "every function of contract.json, and no other");
        expected.forEach((function, prefixes) -> assertEquals(prefixes, prefixesOf(function), function));
    }

    @Test
    void noFunctionUsesAnAwsManagedPolicy() {
        pipeline.json().path("Resources").properties().stream()
                .filter(entry -> entry.getValue().path("Type").asText().equals("AWS::IAM::Role"))
                .forEach(entry -> assertTrue(entry.getValue().path("Properties").path("ManagedPolicyArns").isMissingNode(),
                        entry.getKey() + " has a managed policy"));
    }

    private Set<String> prefixesOf(String function) {
        Set<String> prefixes = new TreeSet<>();
        for (JsonNode statement : statementsOf(function)) {
            if (statement.path("Action").toString().contains("s3:")) {
                for (String prefix : List.of("/entrypoints/*", "/runs/*", "/callbacks/*", "/claims/*", "/logs/*")) {
                    if (statement.path("Resource").toString().contains(prefix)) {
                        prefixes.add(prefix);
                    }
                }
            }
        }
        return prefixes;
    }

    private Set<String> functionsWith(String action) {
        Set<String> names = new TreeSet<>();
        for (String name : contractFunctionNames()) {
            if (statementsOf(name).stream().anyMatch(statement -> statement.path("Action").toString().contains(action))) {
                names.add(name);
            }
        }
        return names;
    }

    private static Set<String> contractFunctionNames() {
        return Contract.get().functions().stream().map(FunctionSpec::name).collect(Collectors.toSet());
    }

    private List<JsonNode> statementsOf(String function) {
        List<JsonNode> statements = new ArrayList<>();
        pipeline.json().path("Resources").properties().stream()
                .filter(entry -> entry.getValue().path("Type").asText().equals("AWS::IAM::Policy"))
                .filter(entry -> entry.getValue().at("/Properties/Roles/0/Ref").asText().startsWith("Functions" + function + "Role"))
                .forEach(entry -> entry.getValue().at("/Properties/PolicyDocument/Statement").forEach(statements::add));
        return statements;
    }

    private List<JsonNode> allStatements() {
        List<JsonNode> statements = new ArrayList<>();
        pipeline.json().path("Resources").properties().stream()
                .filter(entry -> entry.getValue().path("Type").asText().equals("AWS::IAM::Policy"))
                .forEach(entry -> entry.getValue().at("/Properties/PolicyDocument/Statement").forEach(statements::add));
        return statements;
    }

    private List<JsonNode> withAction(String action) {
        return allStatements().stream().filter(statement -> statement.path("Action").toString().contains("\"" + action + "\"")).toList();
    }
}
