package io.emrpipeline.local.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Builds a Python project's wheel with the venv's pip ({@code pip wheel --no-deps}). The project
 * is copied out first, so the build leaves no {@code build/} or {@code *.egg-info} in the tree.
 */
final class WheelBuild {

    private static final Set<String> NOT_COPIED = Set.of("build", "dist", ".venv", "__pycache__", ".pytest_cache");

    private WheelBuild() {}

    /** @return the directory holding the built wheel */
    static Path build(Path pip, Path project, Path scratch) throws IOException, InterruptedException {
        if (!Files.isExecutable(pip)) {
            throw new IllegalStateException(pip + " is missing: run `make setup` first");
        }
        Path source = Files.createDirectories(scratch.resolve("wheel-source"));
        Path wheels = Files.createDirectories(scratch.resolve("wheels"));
        copy(project, source);
        BuildStep.run(List.of(pip.toString(), "wheel", "--no-deps", "--disable-pip-version-check", "--quiet",
                "--wheel-dir", wheels.toString(), source.toString()), scratch.resolve("pip-wheel.log"),
                "the wheel of " + project.getFileName());
        return wheels;
    }

    /** Copies a project without its build outputs, caches and venvs. */
    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.filter(p -> !excluded(from.relativize(p))).toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
    }

    private static boolean excluded(Path relative) {
        for (Path part : relative) {
            String name = part.toString();
            if (NOT_COPIED.contains(name) || name.endsWith(".egg-info")) {
                return true;
            }
        }
        return false;
    }
}
