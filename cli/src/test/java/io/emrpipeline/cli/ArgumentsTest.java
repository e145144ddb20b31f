package io.emrpipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.emrpipeline.cli.output.Terminal;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as parsed, without any pipeline: usage, exit codes, offline validation. */
class ArgumentsTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        Terminal terminal = Terminal.plain(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return EmrPipelineCli.run(terminal, Map.of(), args);
    }

    @Test
    void helpListsEveryCommand() {
        assertEquals(0, run("--help"));
        for (String command : new String[] {"submit", "status", "list", "logs", "cancel", "ui", "validate", "local"}) {
            assertTrue(out.toString().contains("  " + command + " "), command + " in:\n" + out);
        }
    }

    @Test
    void anUnknownCommandOrAMissingArgumentIsExitCode2WithTheUsage() {
        assertEquals(ExitCode.BAD_REQUEST, run("sumbit", "x.json"));
        assertTrue(err.toString().contains("submit"), "suggests the command meant:\n" + err);
        err.reset();

        assertEquals(ExitCode.BAD_REQUEST, run("logs"));
        assertTrue(err.toString().contains("Missing required parameter: 'EXECUTION'"), err.toString());
        assertTrue(err.toString().contains("Usage: emr-pipeline logs"), err.toString());
    }

    @Test
    void logsWithoutWaitIsRefusedBeforeAnyTargetIsNeeded() {
        assertEquals(ExitCode.BAD_REQUEST, run("submit", "x.json", "--logs"));
        assertTrue(err.toString().contains("--logs needs --wait"), err.toString());
    }

    @Test
    void validateNamesEachProblemWithItsPathAndExitsWith2() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.json"), "{\"name\": \"wc\", \"job\": {\"mode\": \"script\", "
                + "\"entryPoint\": \"wordcount.py\"}, \"timeoutMinutes\": 0}");
        Path broken = Files.writeString(dir.resolve("broken.json"), "{\n  \"name\": \"wc\",\n}");

        assertEquals(ExitCode.BAD_REQUEST, run("validate", bad.toString(), broken.toString()));

        String text = out.toString();
        assertTrue(text.contains("$.job.entryPoint: must be s3://"), text);
        assertTrue(text.contains("$.timeoutMinutes: must have a minimum value of 1"), text);
        assertTrue(text.contains("$: required property 'application' not found"), text);
        assertTrue(text.contains("broken.json:3:1: not valid JSON"), text);
    }

    @Test
    void validateAcceptsTheExamplesAndAppliesSettings() {
        Path example = Path.of("..", "examples", "wordcount", "job-request.json");

        assertEquals(0, run("validate", example.toString()));
        assertEquals(ExitCode.BAD_REQUEST, run("validate", example.toString(), "--set", "timeoutMinutes=\"ten\""));
        assertTrue(out.toString().contains("$.timeoutMinutes"), out.toString());
    }
}
