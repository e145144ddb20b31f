package io.emrpipeline.infra;

import io.emrpipeline.contract.RepositoryRoot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The one file the stack deploys from outside the classpath: the functions' shaded jar, which
 * Maven builds into functions/target. (The ASL definition and the event patterns come with the
 * contract, on the classpath.) Found from the repository root, so the app works whether it runs
 * from infra-cdk/ (cdk synth) or from a test.
 */
public record RepoFiles(Path root) {

    public static RepoFiles locate() {
        return new RepoFiles(RepositoryRoot.find());
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
