package io.emrpipeline.e2e.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.emrpipeline.local.LocalGateway;
import io.emrpipeline.local.LocalPipeline;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * Each function's IAM policy documents as the CDK app synthesizes them for the local deployment
 * (resource {@value #RESOURCE}, kept equal to the template by infra-cdk's
 * LocalDeploymentPoliciesTest), with their CloudFormation intrinsics resolved to the local
 * deployment's values: pseudo parameters to the gateway's account and region, and the ARNs of
 * the resources the stack creates to the local ones of the same role.
 */
public final class FunctionPolicies {

    static final String RESOURCE = "/iam/function-policies.json";

    /**
     * The one name the local deployment does not share with the template: the stack names its
     * event bus {@code <namePrefix>-events}, LocalPipeline names it {@link LocalPipeline#EVENT_BUS}.
     */
    private static final Map<String, String> LOCAL_NAMES = Map.of("emr-pipeline-events", LocalPipeline.EVENT_BUS);

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final JsonNode resources;

    private FunctionPolicies(JsonNode resources) {
        this.resources = resources;
    }

    /** Function name → its resolved policy documents. */
    public static Map<String, JsonNode> load() {
        JsonNode exported = read();
        requireLocalDeployment(exported.path("context"));
        FunctionPolicies resolver = new FunctionPolicies(exported.path("resources"));
        ObjectNode functions = MAPPER.createObjectNode();
        exported.path("functions").properties().forEach(entry -> functions.set(entry.getKey(), resolver.resolve(entry.getValue())));
        return MAPPER.convertValue(functions, MAPPER.getTypeFactory().constructMapType(Map.class, String.class, JsonNode.class));
    }

    private static JsonNode read() {
        try (InputStream in = FunctionPolicies.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the test classpath");
            }
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The template was synthesized for this local deployment's bucket and job role, or the check means nothing. */
    private static void requireLocalDeployment(JsonNode context) {
        boolean same = context.path("bucketName").asText().equals(LocalPipeline.BUCKET)
                && context.path("executionRoleArns").equals(MAPPER.valueToTree(List.of(LocalPipeline.JOB_ROLE)))
                && context.path("allowCreateApplication").asBoolean();
        if (!same) {
            throw new IllegalStateException(RESOURCE + " was synthesized for " + context + ", not for LocalPipeline's bucket "
                    + LocalPipeline.BUCKET + " and role " + LocalPipeline.JOB_ROLE
                    + ": update LocalDeploymentPoliciesTest.LOCAL in infra-cdk and regenerate the file");
        }
    }

    private JsonNode resolve(JsonNode node) {
        if (node.isObject() && (node.has("Ref") || node.has("Fn::Join") || node.has("Fn::GetAtt"))) {
            return TextNode.valueOf(intrinsic(node));
        }
        if (node.isObject()) {
            ObjectNode copy = MAPPER.createObjectNode();
            node.properties().forEach(entry -> copy.set(entry.getKey(), resolve(entry.getValue())));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = MAPPER.createArrayNode();
            node.forEach(item -> copy.add(resolve(item)));
            return copy;
        }
        return node;
    }

    private String intrinsic(JsonNode node) {
        if (node.has("Fn::Join")) {
            StringBuilder joined = new StringBuilder();
            String separator = node.get("Fn::Join").path(0).asText();
            JsonNode parts = node.get("Fn::Join").path(1);
            for (int i = 0; i < parts.size(); i++) {
                joined.append(i == 0 ? "" : separator).append(parts.get(i).isTextual() ? parts.get(i).asText() : intrinsic(parts.get(i)));
            }
            return joined.toString();
        }
        if (node.has("Ref")) {
            return switch (node.get("Ref").asText()) {
                case "AWS::Partition" -> "aws";
                case "AWS::Region" -> LocalGateway.REGION;
                case "AWS::AccountId" -> LocalGateway.ACCOUNT_ID;
                case "AWS::URLSuffix" -> "amazonaws.com";
                default -> throw unknown(node);
            };
        }
        String id = node.get("Fn::GetAtt").path(0).asText();
        JsonNode resource = resources.path(id);
        String name = LOCAL_NAMES.getOrDefault(resource.path("Name").asText(), resource.path("Name").asText());
        if (!node.get("Fn::GetAtt").path(1).asText().equals("Arn") || name.isEmpty()) {
            throw unknown(node);
        }
        String prefix = ":" + LocalGateway.REGION + ":" + LocalGateway.ACCOUNT_ID + ":";
        return switch (resource.path("Type").asText()) {
            case "AWS::Events::EventBus" -> "arn:aws:events" + prefix + "event-bus/" + name;
            case "AWS::Logs::LogGroup" -> "arn:aws:logs" + prefix + "log-group:" + name + ":*";
            default -> throw unknown(node);
        };
    }

    private IllegalStateException unknown(JsonNode node) {
        return new IllegalStateException("The function policies use " + node + ", which FunctionPolicies cannot resolve for the"
                + " local deployment (resources: " + resources + "): add how the local deployment names it");
    }
}
