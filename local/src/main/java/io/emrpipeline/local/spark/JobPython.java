package io.emrpipeline.local.spark;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Python that runs a job's driver and its PySpark workers locally. The job's own choice
 * ({@link SparkSubmitParameters#python()}) is honoured when it names an interpreter inside one of
 * its unpacked archives (a venv archive: {@code ./environment/bin/python}), as EMR Serverless does
 * (an interpreter the archive lacks fails the job there and here);
 * any other path names the EMR image's Python, which does not exist here, so the runner's venv
 * Python runs the job instead and the setting is reported as not applied.
 *
 * @param driver the driver's interpreter ({@code PYSPARK_DRIVER_PYTHON})
 * @param workers the workers' interpreter ({@code PYSPARK_PYTHON}); in local mode the executors are
 *     in the driver's JVM and take it from the driver's environment
 */
record JobPython(String driver, String workers) {

    static JobPython runners(Path python) {
        return new JobPython(python.toString(), python.toString());
    }

    /**
     * @param requested the job's {@code PYSPARK_PYTHON} / {@code PYSPARK_DRIVER_PYTHON}
     * @param aliases the archives unpacked in {@code workDirectory}
     * @param runnerPython the venv's Python, for whatever the job does not choose (or cannot have)
     * @param notApplied receives the settings left out, for the run's log
     */
    static JobPython choose(Map<String, String> requested, Set<String> aliases, Path workDirectory,
            Path runnerPython, List<String> notApplied) {
        String workers = inArchive(requested, "PYSPARK_PYTHON", aliases, workDirectory, notApplied);
        String driver = inArchive(requested, "PYSPARK_DRIVER_PYTHON", aliases, workDirectory, notApplied);
        // Spark's own rule: the driver runs PYSPARK_PYTHON unless PYSPARK_DRIVER_PYTHON says otherwise.
        String runner = runnerPython.toString();
        return new JobPython(driver != null ? driver : workers != null ? workers : runner,
                workers != null ? workers : runner);
    }

    private static String inArchive(Map<String, String> requested, String variable, Set<String> aliases,
            Path workDirectory, List<String> notApplied) {
        String value = requested.get(variable);
        if (value == null) {
            return null;
        }
        Path relative = Path.of(value).normalize();
        boolean inAlias = !relative.isAbsolute() && relative.getNameCount() > 1
                && aliases.contains(relative.getName(0).toString());
        if (inAlias) {
            // Absent from the archive, it fails the job as it would on EMR ("Cannot run program").
            return workDirectory.resolve(relative).toString();
        }
        notApplied.add(variable + "=" + value + " (not inside an unpacked spark.archives alias: the runner's Python)");
        return null;
    }
}
