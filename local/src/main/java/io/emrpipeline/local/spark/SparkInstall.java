package io.emrpipeline.local.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The pip-installed Spark of the project venv, found once: its {@code spark-submit}, its Spark
 * home (the {@code pyspark} package) and the venv's Python. The Spark home is given to spark-submit
 * rather than left to its own search, which asks the driver's Python to import pyspark: a venv
 * archive's Python gets pyspark from Spark at run time, so it cannot find it.
 *
 * @param sparkSubmit {@code <venv>/bin/spark-submit}
 * @param sparkHome {@code <venv>/lib/python3.x/site-packages/pyspark}
 * @param python {@code <venv>/bin/python}, the default Python of driver and workers
 */
record SparkInstall(Path sparkSubmit, Path sparkHome, Path python) {

    /** @throws IllegalStateException when the venv has no PySpark (make setup was not run) */
    static SparkInstall inVenvOf(Path sparkSubmit) throws IOException {
        Path bin = sparkSubmit.toAbsolutePath().getParent();
        Optional<Path> home = Optional.empty();
        Path lib = bin.resolveSibling("lib");
        if (Files.isExecutable(sparkSubmit) && Files.isDirectory(lib)) {
            try (Stream<Path> pythons = Files.list(lib)) {
                home = pythons.map(python -> python.resolve("site-packages/pyspark"))
                        .filter(pyspark -> Files.isRegularFile(pyspark.resolve("bin/spark-class")))
                        .findFirst();
            }
        }
        return new SparkInstall(sparkSubmit.toAbsolutePath(), home.orElseThrow(() -> new IllegalStateException(
                sparkSubmit + " and its PySpark are missing: run `make setup` first")), bin.resolve("python"));
    }
}
