package io.emrpipeline.cli.request;

import com.fasterxml.jackson.databind.JsonNode;
import io.emrpipeline.core.JobRequestValidator;
import io.emrpipeline.core.RoleRules;
import io.emrpipeline.errors.InvalidJobRequest;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The checks SubmitJobRun makes before it starts anything (the JSON Schema and the rules a schema
 * cannot say), run here without AWS. Only the deployment's own rule is left out: whether its
 * allow-list holds the request's execution role.
 */
public final class OfflineValidation {

    private static final String ANY_ROLE = "arn:aws:iam::000000000000:role/offline-check";

    private final JobRequestValidator validator = new JobRequestValidator();

    /** Every problem, each starting with the JSON path of its field; empty when the request is valid. */
    public List<String> problems(JsonNode request) {
        List<String> schema = validator.problems(request);
        if (!schema.isEmpty()) {
            return schema;
        }
        String role = Optional.ofNullable(request.path("executionRoleArn").textValue()).orElse(ANY_ROLE);
        try {
            validator.validate(request, new RoleRules(Set.of(role), Optional.of(role)));
            return List.of();
        } catch (InvalidJobRequest e) {
            return e.problems();
        }
    }
}
