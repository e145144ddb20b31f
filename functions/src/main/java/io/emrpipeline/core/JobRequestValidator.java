package io.emrpipeline.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.emrpipeline.errors.InvalidJobRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns an execution input into a {@link JobRequest}, or fails with {@link InvalidJobRequest}
 * naming every wrong field. The JSON Schema is the single source; the few rules a schema
 * cannot express (the deployment's role allow-list, the inline session policy's compact length,
 * Spark settings the pipeline cannot merge, the length of the merged spark-submit parameters)
 * are checked here too, so a request that passes never fails StartJobRun's own validation.
 */
public final class JobRequestValidator {

    public static final String SCHEMA_RESOURCE = "/schemas/job-request.schema.json";
    private static final int QUOTED_PREFIX = 40;
    private static final Pattern LONG_RUN = Pattern.compile("[^\\s'\"]{200,}");

    private final JsonSchema schema;

    public JobRequestValidator() {
        try (InputStream in = JobRequestValidator.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(SCHEMA_RESOURCE + " is missing from the artifact");
            }
            // The schema's "message" keyword words a failure for people (a regex is not an explanation).
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                    .errorMessageKeyword("message").pathType(PathType.LEGACY).build();
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Schema problems, sorted, each starting with the JSON path of the field. */
    public List<String> problems(JsonNode input) {
        if (input == null || !input.isObject()) {
            return List.of("$: the job request must be a JSON object");
        }
        List<String> problems = new ArrayList<>();
        for (ValidationMessage message : schema.validate(input)) {
            problems.add(describe(message));
        }
        problems.sort(null);
        return problems;
    }

    /**
     * A problem starts with the JSON path of the field (the schema's own messages lack it) and
     * quotes no huge value back: a 100 KB setting name would bury every other problem.
     */
    private static String describe(ValidationMessage message) {
        String path = shorten(message.getInstanceLocation().toString());
        String text = shorten(message.getMessage());
        return text.startsWith(path) ? text : path + ": " + text;
    }

    static String shorten(String text) {
        return LONG_RUN.matcher(text).replaceAll(run -> Matcher.quoteReplacement(
                run.group().substring(0, QUOTED_PREFIX) + "...(" + run.group().length() + " characters)"));
    }

    public JobRequest validate(JsonNode input, RoleRules roles) {
        List<String> problems = new ArrayList<>(problems(input));
        if (!problems.isEmpty()) {
            throw new InvalidJobRequest(problems);
        }
        JobRequest request;
        try {
            request = Json.MAPPER.treeToValue(input, JobRequest.class);
        } catch (JsonProcessingException e) {
            throw InvalidJobRequest.of("$: " + e.getOriginalMessage());
        }
        roles.problem(request).ifPresent(problems::add);
        problems.addAll(ExecutionIamPolicies.problems(request.executionIamPolicy()));
        problems.addAll(JobDriverFactory.problems(request.job()));
        if (!problems.isEmpty()) {
            throw new InvalidJobRequest(problems);
        }
        return request;
    }
}
