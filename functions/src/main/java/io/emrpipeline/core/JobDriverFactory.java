package io.emrpipeline.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import software.amazon.awssdk.services.emrserverless.model.JobDriver;
import software.amazon.awssdk.services.emrserverless.model.SparkSubmit;

/**
 * Builds the StartJobRun job driver for each job mode. Package and flyte modes run the
 * pipeline's bootstrap (see docs/entrypoint.md for its argument contract).
 */
public final class JobDriverFactory {

    /** The directory name Spark unpacks a venv archive into, on driver and executors. */
    static final String VENV_DIR = "environment";

    private JobDriverFactory() {}

    public static JobDriver driverFor(JobRequest.Job job, Supplier<String> stagedBootstrap) {
        Map<String, String> conf = new TreeMap<>(job.sparkConf());
        String entryPoint;
        List<String> arguments = new ArrayList<>();
        switch (job.mode()) {
            case "script" -> {
                entryPoint = job.entryPoint();
                arguments.addAll(job.arguments());
            }
            case "package" -> {
                entryPoint = stagedBootstrap.get();
                arguments.add("package");
                if (job.packageUri() != null) {
                    arguments.addAll(List.of("--package", job.packageUri()));
                    conf.put("spark.submit.pyFiles", job.packageUri());
                }
                // Without a package the module comes from the application's custom image.
                arguments.addAll(List.of("--module", job.module(), "--"));
                arguments.addAll(job.arguments());
            }
            case "flyte" -> {
                entryPoint = stagedBootstrap.get();
                arguments.addAll(List.of("flyte", "--bundle", job.bundle(), "--"));
                arguments.addAll(job.command());
            }
            default -> throw new IllegalArgumentException("unknown job mode " + job.mode());
        }
        if (job.pythonEnvironment() != null) {
            conf.putAll(venvConf(job.pythonEnvironment().venvArchive()));
        }
        return JobDriver.builder()
                .sparkSubmit(SparkSubmit.builder()
                        .entryPoint(entryPoint)
                        .entryPointArguments(arguments)
                        .sparkSubmitParameters(sparkSubmitParameters(conf, job))
                        .build())
                .build();
    }

    /**
     * A packed venv becomes spark.archives plus the Python paths inside it, on driver and
     * executors: the settings EMR Serverless documents for custom Python environments.
     */
    static Map<String, String> venvConf(String venvArchive) {
        String python = "./" + VENV_DIR + "/bin/python";
        return Map.of(
                "spark.archives", venvArchive + "#" + VENV_DIR,
                "spark.emr-serverless.driverEnv.PYSPARK_DRIVER_PYTHON", python,
                "spark.emr-serverless.driverEnv.PYSPARK_PYTHON", python,
                "spark.executorEnv.PYSPARK_PYTHON", python);
    }

    private static String sparkSubmitParameters(Map<String, String> conf, JobRequest.Job job) {
        List<String> parameters = new ArrayList<>();
        if (job.mainClass() != null) {
            parameters.add("--class " + job.mainClass());
        }
        conf.forEach((key, value) -> parameters.add("--conf " + key + "=" + value));
        if (job.sparkSubmitParameters() != null && !job.sparkSubmitParameters().isBlank()) {
            parameters.add(job.sparkSubmitParameters().trim());
        }
        return parameters.isEmpty() ? null : String.join(" ", parameters);
    }
}
