package io.emrpipeline.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The files the stack deploys from the rest of the repository: the single ASL definition, the
 * event patterns and the functions' shaded jar. Found from the repository root, so the app works
 * whether it runs from infra-cdk/ (cdk synth) or from a test.
 */
public record RepoFiles(Path root) {

    private static final String ASL = "statemachines/pipeline.asl.json";

    /** Walks up from the working directory to the first folder holding the ASL file. */
    public static RepoFiles locate() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path candidate = dir; candidate != null; candidate = candidate.getParent()) {
            if (Files.isRegularFile(candidate.resolve(ASL))) {
                return new RepoFiles(candidate);
            }
        }
        throw new IllegalStateException("Cannot find " + ASL + " in " + dir + " or above: run the CDK app from the repository (infra-cdk/).");
    }

    public Path stateMachineDefinition() {
        return root.resolve(ASL);
    }

    public Path jobRunStateChangePattern() {
        return root.resolve("statemachines/event-patterns/emr-job-run-state-change.json");
    }

    public Path executionAbortedPattern() {
        return root.resolve("statemachines/event-patterns/execution-aborted-or-timed-out.json");
    }

    /** The one {@code functions-*-lambda.jar} that {@code mvn package} left in functions/target. */
    public Path functionsJar() {
        Path target = root.resolve("functions/target");
        List<Path> jars;
        try (Stream<Path> files = Files.exists(target) ? Files.list(target) : Stream.empty()) {
            jars = files.filter(file -> file.getFileName().toString().matches("functions-.+-lambda\\.jar")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (jars.size() != 1) {
            throw new IllegalStateException("Expected one functions-*-lambda.jar in " + target + ", found " + jars.size()
                    + ". Build it first: mvn -B install -DskipTests (from the repository root), or `make build`.");
        }
        return jars.get(0);
    }
}
