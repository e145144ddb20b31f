package io.emrpipeline.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.emrpipeline.contract.Contract;
import io.emrpipeline.contract.FunctionSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Keeps tests/src/test/resources/iam/function-policies.json equal to what this app synthesizes
 * for the local deployment: each function role's policy documents, verbatim (intrinsics and all),
 * and the type and name of every resource they reference. The end-to-end tests evaluate every AWS call a
 * function makes in the local pipeline against these documents, so a change to
 * FunctionPermissions reaches them only through this file.
 */
class LocalDeploymentPoliciesTest {

    static final String LOCAL_JOB_ROLE = "arn:aws:iam::123456789012:role/emr-pipeline-local-job-role";

    /**
     * What LocalPipeline deploys, as context: its bucket and job role by name, and requests may
     * create applications (ALLOW_CREATE_APPLICATION=true), so EMR permissions cover every
     * application, as they must for applications the tests create at run time.
     */
    static final Map<String, Object> LOCAL = Map.of(
            "bucketName", "emr-pipeline-local",
            "createApplication", false,
            "allowCreateApplication", true,
            "createJobRole", false,
            "executionRoleArns", List.of(LOCAL_JOB_ROLE),
            "defaultExecutionRoleArn", LOCAL_JOB_ROLE);

    /** Where CloudFormation resources keep the physical names the resolver needs (log group, event bus). */
    private static final List<String> NAME_PROPERTIES = List.of("Name", "LogGroupName", "BucketName", "RoleName");
    private static final String FILE = "tests/src/test/resources/iam/function-policies.json";
    private static final String UPDATE_PROPERTY = "iam.policies.update";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    @Test
    void theEndToEndTestsEvaluateCallsAgainstThePoliciesThisAppSynthesizes() throws IOException {
        JsonNode synthesized = export(SynthesizedPipeline.with(LOCAL));
        Path file = RepoFiles.locate().root().resolve(FILE);
        JsonNode committed = Files.exists(file) ? MAPPER.readTree(file.toFile()) : null;
        if (synthesized.equals(committed)) {
            return;
        }
        if (Boolean.getBoolean(UPDATE_PROPERTY)) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, MAPPER.writeValueAsString(synthesized) + "\n");
            return;
        }
        throw new AssertionError(FILE + " is not what the app synthesizes for the local deployment. Regenerate it, then"
                + " review and commit the change: mvn -B -q -DskipNpm=true -pl infra-cdk -am package -DskipITs"
                + " -Dtest=LocalDeploymentPoliciesTest -Dsurefire.failIfNoSpecifiedTests=false -D" + UPDATE_PROPERTY + "=true");
    }

    @Test
    void everyFunctionHasPoliciesAndNoManagedOnes() {
        JsonNode exported = export(SynthesizedPipeline.with(LOCAL));
        for (FunctionSpec spec : Contract.get().functions()) {
            assertTrue(exported.path("functions").path(spec.name()).size() > 0, spec.name());
        }
        assertEquals(Contract.get().functions().size(), exported.path("functions").size());
    }

    private static JsonNode export(SynthesizedPipeline pipeline) {
        JsonNode resources = pipeline.json().path("Resources");
        ObjectNode out = MAPPER.createObjectNode();
        out.put("generatedBy", "infra-cdk LocalDeploymentPoliciesTest (-D" + UPDATE_PROPERTY + "=true); do not edit by hand");
        out.set("context", MAPPER.valueToTree(new TreeMap<>(LOCAL)));
        ObjectNode functions = out.putObject("functions");
        Map<String, ObjectNode> referenced = new TreeMap<>();
        for (FunctionSpec spec : Contract.get().functions()) {
            String role = roleOf(pipeline, spec.name());
            if (resources.path(role).path("Properties").has("ManagedPolicyArns")) {
                throw new AssertionError(role + " has managed policies, which this export does not carry");
            }
            ArrayNode documents = functions.putArray(spec.name());
            resources.properties().stream()
                    .filter(entry -> entry.getValue().path("Type").asText().equals("AWS::IAM::Policy"))
                    .filter(entry -> entry.getValue().at("/Properties/Roles").toString().contains("{\"Ref\":\"" + role + "\"}"))
                    .map(entry -> entry.getValue().at("/Properties/PolicyDocument"))
                    .forEach(document -> {
                        documents.add(document);
                        collectReferences(document, resources, referenced);
                    });
        }
        out.set("resources", MAPPER.valueToTree(referenced));
        return out;
    }

    private static String roleOf(SynthesizedPipeline pipeline, String function) {
        List<String> roles = pipeline.json().path("Resources").properties().stream()
                .filter(entry -> entry.getValue().path("Type").asText().equals("AWS::IAM::Role"))
                .map(Map.Entry::getKey)
                .filter(id -> id.startsWith("Functions" + function + "Role"))
                .toList();
        assertEquals(1, roles.size(), () -> "the role of " + function + ": " + roles);
        return roles.get(0);
    }

    /** Type and physical name of each resource a Ref or Fn::GetAtt in {@code node} names (pseudo parameters aside). */
    private static void collectReferences(JsonNode node, JsonNode resources, Map<String, ObjectNode> referenced) {
        if (node.isObject()) {
            String id = node.has("Ref") ? node.get("Ref").asText()
                    : node.has("Fn::GetAtt") ? node.get("Fn::GetAtt").path(0).asText() : null;
            if (id != null && !id.startsWith("AWS::")) {
                JsonNode resource = resources.path(id);
                ObjectNode summary = MAPPER.createObjectNode().put("Type", resource.path("Type").asText());
                NAME_PROPERTIES.stream().map(name -> resource.path("Properties").path(name)).filter(JsonNode::isTextual)
                        .findFirst().ifPresent(name -> summary.put("Name", name.asText()));
                referenced.put(id, summary);
            }
        }
        node.elements().forEachRemaining(child -> collectReferences(child, resources, referenced));
    }
}
