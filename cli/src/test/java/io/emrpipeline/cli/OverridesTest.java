package io.emrpipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.emrpipeline.cli.request.Overrides;
import io.emrpipeline.core.Json;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class OverridesTest {

    private static final JsonNode REQUEST = json("{\"name\":\"wc\",\"timeoutMinutes\":30,"
            + "\"job\":{\"mode\":\"script\",\"arguments\":[\"in\",\"out\"],\"sparkConf\":{\"spark.executor.memory\":\"2g\"}},"
            + "\"tags\":{\"team\":\"a\"}}");

    @Test
    void aNumberFieldTakesANumberAndAStringFieldKeepsAString() {
        JsonNode changed = Overrides.apply(REQUEST, List.of("timeoutMinutes=10", "tags.team=42", "name=other"));

        assertEquals(10, changed.get("timeoutMinutes").intValue());
        assertTrue(changed.get("tags").get("team").isTextual(), "a tag stays a string even when it looks like a number");
        assertEquals("42", changed.get("tags").get("team").asText());
        assertEquals("other", changed.get("name").asText());
        assertEquals(30, REQUEST.get("timeoutMinutes").intValue(), "the original request is left alone");
    }

    @Test
    void bracketsNameAnArrayElementOrAFieldWithDots() {
        JsonNode changed = Overrides.apply(REQUEST, List.of("job.arguments[1]=s3://b/out/", "job.arguments[2]=--verbose",
                "job.sparkConf[spark.executor.memory]=4g", "job.sparkConf[spark.executor.instances]=3"));

        assertEquals("[\"in\",\"s3://b/out/\",\"--verbose\"]", changed.at("/job/arguments").toString());
        assertEquals("4g", changed.at("/job/sparkConf").get("spark.executor.memory").asText());
        assertEquals(3, changed.at("/job/sparkConf").get("spark.executor.instances").intValue());
    }

    @Test
    void missingObjectsAreCreatedAndJsonValuesAreRead() {
        JsonNode changed = Overrides.apply(REQUEST, List.of("application.name=analytics", "job.pythonFiles=[\"a.py\"]"));

        assertEquals("analytics", changed.at("/application/name").asText());
        assertTrue(changed.at("/job/pythonFiles").isArray());
    }

    @Test
    void aSettingWithoutKeyOrPastTheEndOfAnArrayIsAUsageError() {
        for (String bad : List.of("timeoutMinutes", "=5", "job.arguments[7]=x", "job..mode=x", "job.arguments[=x")) {
            CliError error = assertThrows(CliError.class, () -> Overrides.apply(REQUEST, List.of(bad)), bad);
            assertEquals(ExitCode.BAD_REQUEST, error.exitCode(), bad);
            assertTrue(error.fix().contains("--set KEY=VALUE"), error.fix());
        }
    }

    private static JsonNode json(String text) {
        return Json.parse(text.getBytes(StandardCharsets.UTF_8));
    }
}
