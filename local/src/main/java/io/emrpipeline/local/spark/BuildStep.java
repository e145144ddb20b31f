package io.emrpipeline.local.spark;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** One command of an example's build (pip, tar, venv-pack), its output kept in a log for when it fails. */
final class BuildStep {

    private BuildStep() {}

    /**
     * @param what what the step makes, for the error ("the wheel of packaged-project")
     * @throws IllegalStateException when the command exits non-zero: names it, its last line and the log
     */
    static void run(List<String> command, Path log, String what) throws IOException, InterruptedException {
        run(command, null, Map.of(), log, what);
    }

    /**
     * @param directory the working directory, or null for this process's
     * @param environment variables set on top of this process's environment
     */
    static void run(List<String> command, Path directory, Map<String, String> environment, Path log, String what)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        if (directory != null) {
            builder.directory(directory.toFile());
        }
        builder.environment().putAll(environment);
        Process process = builder.start();
        int exitCode = process.waitFor();
        if (exitCode != 0) {
            List<String> output = RunFiles.tail(log).stream().filter(line -> !line.isBlank()).toList();
            String last = output.isEmpty() ? "no output" : output.get(output.size() - 1).strip();
            String program = Path.of(command.get(0)).getFileName().toString();
            throw new IllegalStateException("building " + what + " failed (" + program + " exit " + exitCode + ": "
                    + last + "); its output is in " + log);
        }
    }
}
