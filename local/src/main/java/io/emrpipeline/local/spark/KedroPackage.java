package io.emrpipeline.local.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A Kedro project's deployable pair, made as Kedro's EMR Serverless guide makes it: {@code kedro package}
 * writes the project's wheel and {@code conf-<package>.tar.gz} (its {@code conf/} without
 * {@code local/*.yml}) into {@code dist/}. It runs in a copy of the project, so the build leaves no
 * {@code build/}, {@code dist/} or {@code *.egg-info} in the tree, and once per scratch directory: the
 * job request names both files.
 */
final class KedroPackage {

    private static final Pattern KEDRO_TABLE = Pattern.compile("(?m)^\\[tool\\.kedro]\\s*$");

    private KedroPackage() {}

    /** Whether the directory holds a Kedro project: a pyproject.toml with a {@code [tool.kedro]} table. */
    static boolean isProject(Path directory) throws IOException {
        Path pyproject = directory.resolve("pyproject.toml");
        return Files.isRegularFile(pyproject) && KEDRO_TABLE.matcher(Files.readString(pyproject)).find();
    }

    /**
     * @param venvBin the project venv's {@code bin/}, which has Kedro
     * @return the {@code dist/} directory holding the wheel and the configuration archive
     */
    static Path build(Path venvBin, Path project, Path scratch) throws IOException, InterruptedException {
        Path kedro = venvBin.resolve("kedro");
        if (!Files.isExecutable(kedro)) {
            throw new IllegalStateException(kedro + " is missing: run `make setup` first");
        }
        Path source = scratch.resolve("kedro-project");
        Path dist = source.resolve("dist");
        if (Files.isDirectory(dist)) {
            return dist;
        }
        WheelBuild.copy(project, Files.createDirectories(source));
        // kedro package runs `python -m build` and tar from the PATH; telemetry would only try the network.
        Map<String, String> environment = Map.of(
                "PATH", venvBin + ":" + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"),
                "KEDRO_DISABLE_TELEMETRY", "true");
        BuildStep.run(List.of(kedro.toString(), "package"), source, environment, scratch.resolve("kedro-package.log"),
                "the Kedro package of " + project.getFileName());
        return dist;
    }
}
