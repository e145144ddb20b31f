package io.emrpipeline.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.emrserverless.model.JobRunExecutionIamPolicy;

/**
 * The job run's session policy as EMR Serverless takes it. A request may give the inline policy
 * as a JSON object, which is easier to write than an escaped string; either way it is sent
 * compact and ASCII-only, since EMR takes at most 2048 characters in the Latin-1 range.
 */
public final class ExecutionIamPolicies {

    static final int MAX_POLICY_CHARS = 2048;
    private static final String FIELD = "$.executionIamPolicy.policy";
    private static final Set<String> VERSIONS = Set.of("2012-10-17", "2008-10-17");
    private static final ObjectMapper COMPACT = Json.MAPPER.copy()
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII.mappedFeature());

    private ExecutionIamPolicies() {}

    /** What is wrong with the inline policy, each problem naming its field. */
    static List<String> problems(JobRequest.ExecutionIamPolicy policy) {
        if (policy == null || policy.policy() == null) {
            return List.of();
        }
        JsonNode document;
        try {
            document = document(policy.policy());
        } catch (JsonProcessingException e) {
            return List.of(FIELD + ": is not a JSON policy document (" + e.getOriginalMessage() + ")");
        }
        List<String> problems = new ArrayList<>();
        if (!document.isObject()) {
            return List.of(FIELD + ": must be a JSON object, the policy document");
        }
        JsonNode statement = document.path("Statement");
        if (!statement.isArray() && !statement.isObject() || statement.isEmpty()) {
            problems.add(FIELD + ": a policy document needs a Statement (an object or a non-empty array)");
        }
        if (document.has("Version") && !VERSIONS.contains(document.get("Version").asText())) {
            problems.add(FIELD + ": Version must be 2012-10-17 (or 2008-10-17), not " + document.get("Version"));
        }
        int length = compact(document).length();
        if (length > MAX_POLICY_CHARS) {
            problems.add(FIELD + ": is " + length + " characters once compact; EMR Serverless takes at most "
                    + MAX_POLICY_CHARS + " (move statements into a managed policy and list it in policyArns)");
        }
        return problems;
    }

    /** The SDK shape, or null when the request has no session policy. Call after {@link #problems}. */
    static JobRunExecutionIamPolicy toSdk(JobRequest.ExecutionIamPolicy policy) {
        if (policy == null) {
            return null;
        }
        JobRunExecutionIamPolicy.Builder sdk = JobRunExecutionIamPolicy.builder();
        if (policy.policy() != null) {
            try {
                sdk.policy(compact(document(policy.policy())));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("the policy was checked before", e);
            }
        }
        if (!policy.policyArns().isEmpty()) {
            sdk.policyArns(policy.policyArns());
        }
        return sdk.build();
    }

    private static JsonNode document(JsonNode policy) throws JsonProcessingException {
        return policy.isTextual() ? Json.MAPPER.readTree(policy.asText()) : policy;
    }

    private static String compact(JsonNode document) {
        try {
            return COMPACT.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
