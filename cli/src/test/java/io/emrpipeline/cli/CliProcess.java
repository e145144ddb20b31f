package io.emrpipeline.cli;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the built launcher, bin/emr-pipeline, as a person would: a process, its exit code and its output. */
final class CliProcess {

    /** What one run printed and how it ended. */
    record Result(int exitCode, String out, String err, Duration took) {

        @Override
        public String toString() {
            return "exit " + exitCode + " after " + took.toMillis() + " ms\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private final Path launcher;
    private final Path jar;
    private final Path scratch;
    private final Map<String, String> environment;

    CliProcess(Path repoRoot, Path scratch, Map<String, String> environment) {
        this.launcher = repoRoot.resolve("bin/emr-pipeline");
        this.jar = Path.of(System.getProperty("emrpipeline.cli.jar", repoRoot.resolve("cli/target/emr-pipeline-cli.jar").toString()));
        this.scratch = scratch;
        this.environment = environment;
    }

    Result run(Duration timeout, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(launcher.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(scratch, "out-", ".txt");
        Path err = Files.createTempFile(scratch, "err-", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(launcher.getParent().getParent().toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        // A clean environment for the target: only what the test gives, so a developer's AWS settings never leak in.
        builder.environment().keySet().removeIf(name -> name.startsWith("EMR_PIPELINE_") || name.startsWith("AWS_"));
        builder.environment().put("EMR_PIPELINE_JAR", jar.toString());
        builder.environment().put("NO_COLOR", "1");
        builder.environment().putAll(environment);
        long started = System.nanoTime();
        Process process = builder.start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
            fail("emr-pipeline " + String.join(" ", args) + " still running after " + timeout + "\n--- stdout\n"
                    + Files.readString(out) + "--- stderr\n" + Files.readString(err));
        }
        return new Result(process.exitValue(), Files.readString(out), Files.readString(err),
                Duration.ofNanos(System.nanoTime() - started));
    }
}
