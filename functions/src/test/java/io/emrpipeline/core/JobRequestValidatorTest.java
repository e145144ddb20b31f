package io.emrpipeline.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.emrpipeline.errors.InvalidJobRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JobRequestValidatorTest {

    private static final String ROLE = "arn:aws:iam::123456789012:role/emr-job-role";
    private static final RoleRules ROLES = new RoleRules(Set.of(ROLE), Optional.of(ROLE));

    private final JobRequestValidator validator = new JobRequestValidator();

    @Test
    void acceptsAScriptRequestAndReadsItsFields() throws IOException {
        JobRequest request = validator.validate(fixture("script-valid.json"), ROLES);

        assertEquals("00fabc123def4567", request.application().id());
        assertEquals("script", request.job().mode());
        assertEquals("4g", request.job().sparkConf().get("spark.executor.memory"));
        assertEquals(60, request.timeoutMinutes());
    }

    @Test
    void acceptsWholeNumbersSentAsDoublesAsFlyteDoes() throws IOException {
        JobRequest request = validator.validate(fixture("package-valid-flyte-numbers.json"), ROLES);

        assertEquals(30, request.timeoutMinutes());
        assertEquals("wordstats.main", request.job().module());
        assertEquals("s3://my-bucket/dist/wordstats-0.1.0-py3-none-any.whl", request.job().packageUri());
    }

    @Test
    void namesEveryWrongFieldAtOnce() throws IOException {
        InvalidJobRequest error = assertThrows(InvalidJobRequest.class,
                () -> validator.validate(fixture("invalid-many-fields.json"), ROLES));

        String message = error.getMessage();
        for (String field : new String[] {"$.name", "$.application.id", "$.executionRoleArn", "$.job.arguments",
                "entryPoint", "$.timeoutMinutes", "colour"}) {
            assertTrue(message.contains(field), () -> "cause should name " + field + ": " + message);
        }
        assertTrue(error.problems().size() >= 7, message);
    }

    @Test
    void rejectsARoleOutsideTheAllowList() throws IOException {
        RoleRules otherRoles = new RoleRules(Set.of("arn:aws:iam::123456789012:role/other"), Optional.empty());

        InvalidJobRequest error = assertThrows(InvalidJobRequest.class,
                () -> validator.validate(fixture("script-valid.json"), otherRoles));

        assertTrue(error.getMessage().contains("not in this deployment's allowed execution roles"), error.getMessage());
    }

    @Test
    void requiresARoleWhenTheDeploymentHasNoDefault() throws IOException {
        RoleRules noDefault = new RoleRules(Set.of(ROLE), Optional.empty());

        InvalidJobRequest error = assertThrows(InvalidJobRequest.class,
                () -> validator.validate(fixture("package-valid-flyte-numbers.json"), noDefault));

        assertTrue(error.getMessage().contains("$.executionRoleArn: required"), error.getMessage());
    }

    @Test
    void rejectsAnInputThatIsNotAnObject() {
        InvalidJobRequest error = assertThrows(InvalidJobRequest.class,
                () -> validator.validate(Json.MAPPER.getNodeFactory().textNode("run my job"), ROLES));

        assertTrue(error.getMessage().contains("must be a JSON object"), error.getMessage());
    }

    static JsonNode schema() throws IOException {
        try (InputStream in = JobRequestValidatorTest.class.getResourceAsStream(JobRequestValidator.SCHEMA_RESOURCE)) {
            return Json.MAPPER.readTree(in);
        }
    }

    static JsonNode fixture(String name) throws IOException {
        try (InputStream in = JobRequestValidatorTest.class.getResourceAsStream("/events/job-requests/" + name)) {
            return Json.MAPPER.readTree(in);
        }
    }
}
