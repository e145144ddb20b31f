package io.emrpipeline.statemachine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.emrpipeline.contract.RepositoryRoot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The ASL file passes AWS's asl-validator (npm, installed by `npm ci`), and the check can fail. */
class AslValidatorIT {

    private static final Path ROOT = RepositoryRoot.find();

    @Test
    void thePipelineDefinitionIsValidAsl() throws Exception {
        Result result = validate(ROOT.resolve("statemachines/pipeline.asl.json"));

        assertEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains("is valid"), result.output());
    }

    @Test
    void aBrokenDefinitionIsRejected(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        String definition = Files.readString(ROOT.resolve("statemachines/pipeline.asl.json"))
                .replace("\"Next\": \"RouteOutcome\"", "\"Next\": \"NoSuchState\"");
        Path broken = Files.writeString(dir.resolve("broken.asl.json"), definition);

        Result result = validate(broken);

        assertNotEquals(0, result.exitCode(), result.output());
    }

    private record Result(int exitCode, String output) {}

    private static Result validate(Path definition) throws IOException, InterruptedException {
        Path validator = ROOT.resolve("node_modules/.bin/asl-validator");
        assertTrue(Files.isExecutable(validator), validator + " is missing: run `npm ci` (make test does)");
        Process process = new ProcessBuilder(validator.toString(), "--json-path", definition.toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(process.waitFor(), output);
    }
}
