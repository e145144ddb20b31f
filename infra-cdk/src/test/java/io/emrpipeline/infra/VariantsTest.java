package io.emrpipeline.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;

/** Imported resources and the opt-in settings change what is deployed, and nothing else. */
class VariantsTest {

    @Test
    void importedBucketApplicationAndRoleAreUsedNotCreated() {
        SynthesizedPipeline imported = SynthesizedPipeline.with(Variants.IMPORTED);
        imported.template().resourceCountIs("AWS::S3::Bucket", 0);
        imported.template().resourceCountIs("AWS::EMRServerless::Application", 0);
        imported.template().hasResourceProperties("AWS::Lambda::Function", Map.of("Environment", Map.of("Variables",
                Match.objectLike(Map.of("JOB_BUCKET", "team-data-pipeline",
                        "EXECUTION_ROLE_ARNS", Variants.EXISTING_ROLE,
                        "DEFAULT_EXECUTION_ROLE_ARN", Variants.EXISTING_ROLE)))));
        String policies = imported.json().path("Resources").toString();
        assertTrue(policies.contains(":/applications/" + Variants.EXISTING_APPLICATION + "/jobruns/*"), "job runs of the listed app");
        assertFalse(policies.contains(":/applications/*"), "no wildcard application");
    }

    @Test
    void creatingApplicationsAtRunTimeWidensEmrScopeAndIsSaidInTheEnvironment() {
        SynthesizedPipeline open = SynthesizedPipeline.with(Variants.OPEN);
        open.template().hasResourceProperties("AWS::Lambda::Function", Map.of("Environment", Map.of("Variables",
                Match.objectLike(Map.of("ALLOW_CREATE_APPLICATION", "true")))));
        String resources = open.json().path("Resources").toString();
        assertTrue(resources.contains(":/applications/*"));
        // CreateApplication has no resource-level permissions: only a statement on "*" matches it.
        List<JsonNode> create = new ArrayList<>();
        open.json().path("Resources").forEach(resource -> resource.at("/Properties/PolicyDocument/Statement").forEach(statement -> {
            if (statement.path("Action").toString().contains("\"emr-serverless:CreateApplication\"")) {
                create.add(statement);
            }
        }));
        assertEquals(1, create.size(), create::toString);
        assertEquals("*", create.get(0).path("Resource").asText());
        assertTrue(resources.contains("\"iam:AWSServiceName\":\"ops.emr-serverless.amazonaws.com\""));
    }

    @Test
    void emailsCustomImageAndInitialCapacityAreDeployed() {
        SynthesizedPipeline open = SynthesizedPipeline.with(Variants.OPEN);
        open.template().resourcePropertiesCountIs("AWS::SNS::Subscription", Map.of("Protocol", "email"), 2);
        open.template().hasResourceProperties("AWS::EMRServerless::Application", Map.of(
                "Architecture", "ARM64",
                "ImageConfiguration", Map.of("ImageUri", "111122223333.dkr.ecr.eu-west-1.amazonaws.com/emr-pipeline-worker:1.0"),
                "InitialCapacity", List.of(
                        Match.objectLike(Map.of("Key", "Driver", "Value", Match.objectLike(Map.of("WorkerCount", 1)))),
                        Match.objectLike(Map.of("Key", "Executor", "Value", Match.objectLike(Map.of("WorkerCount", 2)))))));
    }
}
