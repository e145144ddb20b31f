package io.emrpipeline.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.emrpipeline.contract.RepositoryRoot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * cfn-lint (the project's pinned one, in .venv; `make setup`) on every synthesized template. An
 * IT because it runs a Python process. Errors fail the test; warnings are printed. A missing
 * cfn-lint fails too: a skipped check would read as a passed one.
 */
class CfnLintIT {

    /** cfn-lint's exit code is a bit mask: 2 means at least one error (4 warnings, 8 informational). */
    private static final int ERRORS = 2;

    static List<Map<String, Object>> variants() {
        return Variants.ALL;
    }

    @ParameterizedTest
    @MethodSource("variants")
    void synthesizedTemplateHasNoCfnLintError(Map<String, Object> variant) throws Exception {
        LintResult result = lint(SynthesizedPipeline.with(variant).templateFile());
        System.out.println("cfn-lint " + variant + ":\n" + result.output());
        assertEquals(0, result.exitCode() & ERRORS, "cfn-lint reported errors:\n" + result.output());
    }

    @Test
    void theCheckFailsOnABrokenTemplate(@TempDir Path dir) throws Exception {
        Path broken = dir.resolve("broken.template.json");
        Files.writeString(broken, """
                {"Resources": {"Fn": {"Type": "AWS::Lambda::Function",
                  "Properties": {"Runtime": "java99", "Handler": "x::y", "Code": {"ZipFile": "x"}}}}}
                """);
        LintResult result = lint(broken);
        assertTrue((result.exitCode() & ERRORS) != 0, "cfn-lint should have reported errors:\n" + result.output());
    }

    private record LintResult(int exitCode, String output) {}

    private static LintResult lint(Path template) throws IOException, InterruptedException {
        Path cfnLint = RepositoryRoot.find().resolve(".venv/bin/cfn-lint");
        assertTrue(Files.isExecutable(cfnLint), cfnLint + " is missing: run `make setup` at the repository root");
        Process process = new ProcessBuilder(cfnLint.toString(), "--format", "parseable",
                "--regions", "us-east-1", "eu-west-1", "--", template.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("cfn-lint did not finish within 120 s");
        }
        return new LintResult(process.exitValue(), output);
    }
}
