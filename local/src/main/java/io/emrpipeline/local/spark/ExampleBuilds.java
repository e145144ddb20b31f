package io.emrpipeline.local.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The example files that are built rather than kept in the repository. A job request may name
 * {@code examples/<dir>/<file>} that does not exist when {@code <dir>} holds what makes it:
 * <ul>
 *   <li>{@code <name>.whl} and {@code conf-<package>.tar.gz}: a Kedro project (a {@code pyproject.toml}
 *       with {@code [tool.kedro]}); what {@code kedro package} writes (see {@link KedroPackage}).</li>
 *   <li>{@code <name>.whl}: a {@code pyproject.toml}; the project's wheel ({@code pip wheel}).</li>
 *   <li>{@code <name>.jar}: a {@code pom.xml}; Maven builds {@code target/<name>.jar} (the
 *       directory is a module of the build, so {@code make run} and the tests build it first).</li>
 *   <li>{@code <name>.tar.gz}: a directory {@code <name>/}, packed as it is (a Flyte
 *       fast-registration bundle), or a {@code <name>.requirements.txt}: a fresh venv with those
 *       pinned packages from PyPI, packed with venv-pack (a venv archive for {@code spark.archives}).</li>
 * </ul>
 */
final class ExampleBuilds {

    private ExampleBuilds() {}

    /**
     * @param wanted the file the job request names, {@code <repo>/examples/<dir>/<file>}
     * @param scratch a directory of its own for this build
     * @return the built file, or empty when nothing in its directory makes it
     */
    static Optional<Path> build(Path wanted, Path repoRoot, Path scratch) throws IOException, InterruptedException {
        Path dir = wanted.getParent();
        String name = wanted.getFileName().toString();
        Path venv = repoRoot.resolve(".venv/bin");
        if ((name.endsWith(".whl") || (name.startsWith("conf-") && name.endsWith(".tar.gz"))) && KedroPackage.isProject(dir)) {
            return Optional.of(KedroPackage.build(venv, dir, scratch).resolve(name));
        }
        if (name.endsWith(".whl") && Files.isRegularFile(dir.resolve("pyproject.toml"))) {
            return Optional.of(WheelBuild.build(venv.resolve("pip"), dir, scratch).resolve(name));
        }
        if (name.endsWith(".jar") && Files.isRegularFile(dir.resolve("pom.xml"))) {
            Path jar = dir.resolve("target").resolve(name);
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(repoRoot.relativize(jar) + " is built by Maven: run `mvn -pl "
                        + repoRoot.relativize(dir) + " package` first (make run and the tests do)");
            }
            return Optional.of(jar);
        }
        if (name.endsWith(".tar.gz")) {
            String stem = name.substring(0, name.length() - ".tar.gz".length());
            if (Files.isDirectory(dir.resolve(stem))) {
                return Optional.of(packDirectory(dir.resolve(stem), Files.createDirectories(scratch).resolve(name)));
            }
            Path requirements = dir.resolve(stem + ".requirements.txt");
            if (Files.isRegularFile(requirements)) {
                return Optional.of(packVenv(venv, requirements, Files.createDirectories(scratch), name));
            }
        }
        return Optional.empty();
    }

    /** A tar.gz of the directory's contents, entries relative to it, without Python's caches. */
    private static Path packDirectory(Path directory, Path archive) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("tar", "--exclude=__pycache__", "-czf", archive.toString(),
                "-C", directory.toString()));
        try (Stream<Path> entries = Files.list(directory)) {
            entries.map(entry -> entry.getFileName().toString()).filter(entry -> !entry.equals("__pycache__"))
                    .sorted().forEach(command::add);
        }
        BuildStep.run(command, archive.resolveSibling("tar.log"), "the bundle " + archive.getFileName());
        return archive;
    }

    /**
     * A venv made from the project venv's Python (so the same version as the Spark driver here), with
     * only the pinned packages (no pip), packed by venv-pack as EMR Serverless's documentation does.
     */
    private static Path packVenv(Path projectVenv, Path requirements, Path scratch, String name)
            throws IOException, InterruptedException {
        Path venv = scratch.resolve("venv");
        Path archive = scratch.resolve(name);
        String what = "the venv archive " + name;
        BuildStep.run(List.of(projectVenv.resolve("python").toString(), "-m", "venv", "--without-pip", "--clear",
                venv.toString()), scratch.resolve("venv.log"), what);
        BuildStep.run(List.of(projectVenv.resolve("pip").toString(), "--python", venv.resolve("bin/python").toString(),
                "install", "--quiet", "--disable-pip-version-check", "--no-input", "--only-binary=:all:",
                "-r", requirements.toString()), scratch.resolve("pip-install.log"), what);
        Files.deleteIfExists(archive);
        BuildStep.run(List.of(projectVenv.resolve("venv-pack").toString(), "--prefix", venv.toString(),
                "--output", archive.toString(), "--quiet"), scratch.resolve("venv-pack.log"), what);
        return archive;
    }
}
