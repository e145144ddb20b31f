package io.emrpipeline.local.spark;

import java.io.File;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The spark-submit command line and environment of one local job run, with S3 already mapped
 * to local paths. Local-friendly settings are fixed here: two cores, no Spark UI (two runs
 * would fight over its port), Spark's scratch space inside the run's work directory, and a
 * quick-starting driver JVM (C1 JIT only, serial GC: a few seconds less per run on two cores).
 *
 * @param command what to execute, spark-submit first
 * @param environment the whole environment of the process
 */
record SparkSubmitCommand(List<String> command, Map<String, String> environment) {

    static final String MASTER = "local[2]";
    static final String QUICK_START_JVM_OPTIONS = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC";

    /** Variables of the caller's environment that would point spark-submit at another Spark or Python. */
    private static final List<String> NOT_INHERITED = List.of("SPARK_HOME", "SPARK_CONF_DIR", "PYSPARK_PYTHON",
            "PYSPARK_DRIVER_PYTHON", "PYSPARK_SUBMIT_ARGS", "PYTHONHOME", "PYTHONPATH");

    /**
     * @param spark the venv's spark-submit and Spark home
     * @param awsEndpoint where the job's own AWS SDK calls (boto3) should go
     * @param entryPoint the job's entry point, already a local path
     * @param arguments the job's arguments, S3 URIs already local paths
     * @param parameters its sparkSubmitParameters, parsed and mapped
     * @param python the interpreters of driver and workers ({@link JobPython})
     */
    static SparkSubmitCommand of(SparkInstall spark, Path workDirectory, URI awsEndpoint, String region,
            String entryPoint, List<String> arguments, SparkSubmitParameters parameters, JobPython python,
            Map<String, String> inheritedEnvironment) {
        List<String> command = new ArrayList<>();
        command.add(spark.sparkSubmit().toString());
        command.addAll(List.of("--master", MASTER));
        command.addAll(parameters.options());
        // After the job's own settings: a later --conf wins, and these must.
        command.addAll(List.of("--conf", "spark.ui.enabled=false"));
        command.addAll(List.of("--conf", "spark.local.dir=" + workDirectory.resolve("spark-local")));
        command.addAll(List.of("--driver-java-options",
                (QUICK_START_JVM_OPTIONS + " " + parameters.driverJavaOptions()).strip()));
        command.add(entryPoint);
        command.addAll(arguments);
        return new SparkSubmitCommand(List.copyOf(command),
                environment(spark, awsEndpoint, region, parameters, python, inheritedEnvironment));
    }

    private static Map<String, String> environment(SparkInstall spark, URI awsEndpoint, String region,
            SparkSubmitParameters parameters, JobPython python, Map<String, String> inherited) {
        Map<String, String> environment = new HashMap<>(inherited);
        NOT_INHERITED.forEach(environment::remove);
        environment.putAll(parameters.driverEnvironment());
        Path bin = spark.sparkSubmit().getParent();
        // The venv's Spark, the venv first on PATH, and one Python for the driver and one for the workers:
        // by default the venv's, so workers import what the driver imports.
        environment.put("SPARK_HOME", spark.sparkHome().toString());
        environment.put("PATH", bin + File.pathSeparator + inherited.getOrDefault("PATH", "/usr/bin:/bin"));
        environment.put("PYSPARK_PYTHON", python.workers());
        environment.put("PYSPARK_DRIVER_PYTHON", python.driver());
        environment.put("SPARK_LOCAL_IP", "127.0.0.1");
        // A job that talks to AWS itself (boto3) reaches the local gateway, like the pipeline does.
        environment.put("AWS_ENDPOINT_URL", awsEndpoint.toString());
        environment.put("AWS_ACCESS_KEY_ID", "local");
        environment.put("AWS_SECRET_ACCESS_KEY", "local");
        environment.remove("AWS_SESSION_TOKEN");
        environment.remove("AWS_PROFILE");
        environment.put("AWS_REGION", region);
        environment.put("AWS_DEFAULT_REGION", region);
        return Map.copyOf(environment);
    }
}
