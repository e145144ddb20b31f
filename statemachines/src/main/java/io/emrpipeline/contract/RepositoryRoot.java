package io.emrpipeline.contract;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The repository's root, for the tools that read files beside the code (the CDK app, the local
 * run, the tests): the first folder at or above the working directory that holds
 * {@code statemachines/contract.json}. Maven runs each module in its own folder; this finds the
 * same root from all of them.
 */
public final class RepositoryRoot {

    private static final String MARKER = "statemachines/contract.json";

    private RepositoryRoot() {}

    public static Path find() {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(MARKER))) {
                return dir;
            }
        }
        throw new IllegalStateException("no " + MARKER + " in " + start + " or above: run from inside the emr-pipeline repository");
    }
}
