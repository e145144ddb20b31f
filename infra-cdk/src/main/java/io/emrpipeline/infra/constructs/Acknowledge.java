package io.emrpipeline.infra.constructs;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awscdk.Acknowledgment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Validations;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.constructs.IConstruct;

/**
 * Written acknowledgements of cdk-nag findings, placed on the construct that causes them, next to
 * the code that explains why. IAM5 findings name the resource the way cdk-nag flattens it
 * ({@code <LogicalId.Arn>/runs/*}), so the id is computed from the same value the statement uses.
 */
public final class Acknowledge {

    private Acknowledge() {}

    public static void rule(IConstruct scope, String ruleId, String reason) {
        Validations.of(scope).acknowledge(Acknowledgment.builder().id(ruleId).reason(reason).build());
    }

    /** Acknowledges every wildcard resource of the statements with the reason {@code reasons} gives it. */
    public static void wildcardResources(IConstruct scope, List<PolicyStatement> statements,
            java.util.function.Function<String, String> reasons) {
        for (PolicyStatement statement : statements) {
            for (String resource : statement.getResources()) {
                String flat = flatten(Stack.of(scope).resolve(resource));
                if (flat.contains("*")) {
                    // Recorded as Validations.acknowledge() records it: that method rejects ids holding more
                    // than one "::", and a flattened ARN with <AWS::Partition> holds several.
                    scope.getNode().addMetadata(Validations.ACKNOWLEDGED_RULES_METADATA_KEY,
                            Map.of("AwsSolutions-IAM5[Resource::" + flat + "]", reasons.apply(resource)));
                }
            }
        }
    }

    /** cdk-nag's flattening of a resolved CloudFormation value: Ref → {@code <Id>}, GetAtt → {@code <Id.Attr>}. */
    static String flatten(Object node) {
        if (node == null) {
            return "";
        }
        if (node instanceof String text) {
            return text.replace("${", "<").replace("}", ">");
        }
        if (node instanceof Map<?, ?> map) {
            if (map.containsKey("Fn::Join")) {
                List<?> join = (List<?>) map.get("Fn::Join");
                return ((List<?>) join.get(1)).stream().map(Acknowledge::flatten)
                        .collect(Collectors.joining((String) join.get(0)));
            }
            if (map.containsKey("Fn::GetAtt")) {
                List<?> getAtt = (List<?>) map.get("Fn::GetAtt");
                return "<" + flatten(getAtt.get(0)) + "." + flatten(getAtt.get(1)) + ">";
            }
            if (map.containsKey("Ref")) {
                return "<" + flatten(map.get("Ref")) + ">";
            }
        }
        throw new IllegalArgumentException("Cannot flatten " + node + " for a cdk-nag acknowledgement");
    }
}
