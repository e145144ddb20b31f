package io.emrpipeline.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the {@code moto_server} to run: the system property {@code emrpipeline.motoServer}, else
 * the environment variable {@code MOTO_SERVER}, else {@code .venv/bin/moto_server} in the working
 * directory or one of its parents (the Makefile creates the venv at the repository root).
 */
public final class MotoExecutable {

    private MotoExecutable() {}

    public static Optional<Path> locate() {
        String configured = System.getProperty("emrpipeline.motoServer", System.getenv("MOTO_SERVER"));
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured)).filter(Files::isExecutable);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(".venv/bin/moto_server");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    public static Path require() {
        return locate().orElseThrow(() -> new IllegalStateException(
                "moto_server not found: run `make venv` (creates .venv with moto[server]), or set "
                        + "-Demrpipeline.motoServer / MOTO_SERVER to a moto_server executable"));
    }
}
