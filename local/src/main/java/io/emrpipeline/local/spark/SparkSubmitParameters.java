package io.emrpipeline.local.spark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A job run's {@code sparkSubmitParameters}, as EMR Serverless takes them, turned into what a
 * local {@code spark-submit} accepts. The string is split into words the way a shell would split
 * plain words and quotes, but nothing is ever given to a shell.
 *
 * <p>What changes on the way:
 * <ul>
 *   <li>{@code spark.emr-serverless.driverEnv.X=v} becomes the driver process's environment
 *       variable {@code X=v}; every other {@code spark.emr-serverless.*} setting is dropped.</li>
 *   <li>Sizing (memory, cores, executor counts, dynamic allocation) and the master / deploy mode
 *       are dropped: the local run is {@code local[2]} on one machine.</li>
 *   <li>Settings that choose the Python interpreter ({@code driverEnv.PYSPARK_PYTHON},
 *       {@code driverEnv.PYSPARK_DRIVER_PYTHON}, {@code spark.pyspark.python}, {@code spark.pyspark.driver.python},
 *       {@code spark.executorEnv.PYSPARK_PYTHON}) are collected in {@link #python()}, keyed by the variable
 *       each one sets: {@link JobPython} honours them when they point inside an unpacked {@code spark.archives}
 *       alias (a venv archive), and the runner's own Python runs the job otherwise.</li>
 *   <li>{@code spark.driver.extraJavaOptions} and {@code --driver-java-options} are collected
 *       in {@link #driverJavaOptions()} so the runner can add its own JVM flags to them.</li>
 * </ul>
 *
 * @param options spark-submit options to pass on, in order ({@code --class X}, {@code --conf k=v}, …)
 * @param driverEnvironment environment variables for the driver process
 * @param driverJavaOptions the job's own driver JVM options, or empty
 * @param python the job's choice of interpreter: {@code PYSPARK_PYTHON} and/or {@code PYSPARK_DRIVER_PYTHON}
 * @param dropped what was left out, for the run's log
 */
public record SparkSubmitParameters(List<String> options, Map<String, String> driverEnvironment,
        String driverJavaOptions, Map<String, String> python, List<String> dropped) {

    private static final String DRIVER_ENV = "spark.emr-serverless.driverEnv.";
    private static final String DRIVER_JAVA_OPTIONS = "spark.driver.extraJavaOptions";

    private static final Set<String> FLAGS = Set.of("--verbose", "-v", "--supervise");
    private static final Set<String> OPTIONS_WITH_VALUE = Set.of("--class", "--name", "--jars", "--packages",
            "--exclude-packages", "--repositories", "--py-files", "--files", "--archives", "--conf", "-c",
            "--properties-file", "--driver-memory", "--driver-java-options", "--driver-library-path",
            "--driver-class-path", "--executor-memory", "--proxy-user", "--driver-cores", "--total-executor-cores",
            "--executor-cores", "--num-executors", "--principal", "--keytab", "--queue", "--master", "--deploy-mode");
    private static final Set<String> DROPPED_OPTIONS = Set.of("--master", "--deploy-mode", "--driver-memory",
            "--executor-memory", "--driver-cores", "--executor-cores", "--num-executors", "--total-executor-cores",
            "--queue", "--principal", "--keytab", "--proxy-user");
    private static final Set<String> DROPPED_CONFS = Set.of("spark.master", "spark.submit.deployMode",
            "spark.driver.memory", "spark.driver.cores", "spark.driver.memoryOverhead",
            "spark.executor.memory", "spark.executor.cores", "spark.executor.instances",
            "spark.executor.memoryOverhead", "spark.executorEnv.PYSPARK_DRIVER_PYTHON");
    private static final String PYTHON = "PYSPARK_PYTHON";
    private static final String DRIVER_PYTHON = "PYSPARK_DRIVER_PYTHON";
    /** Interpreter settings and the variable each sets; locally the driver's variables decide for workers too. */
    private static final Map<String, String> PYTHON_SETTINGS = Map.of(
            DRIVER_ENV + PYTHON, PYTHON, DRIVER_ENV + DRIVER_PYTHON, DRIVER_PYTHON,
            "spark.pyspark.python", PYTHON, "spark.pyspark.driver.python", DRIVER_PYTHON,
            "spark.executorEnv." + PYTHON, PYTHON);

    /**
     * @param parameters the job run's sparkSubmitParameters; null or blank is none
     * @throws InvalidSparkSubmitParameters when spark-submit would refuse them (or take an option for the entry point)
     */
    public static SparkSubmitParameters parse(String parameters) {
        Builder result = new Builder();
        List<String> words = SubmitWords.split(parameters == null ? "" : parameters);
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            String option = word;
            String value;
            int equals = word.indexOf('=');
            if (word.startsWith("--") && equals > 0) {
                // spark-submit also takes --option=value
                option = word.substring(0, equals);
                value = word.substring(equals + 1);
            } else if (FLAGS.contains(word)) {
                result.options.add(word);
                continue;
            } else if (OPTIONS_WITH_VALUE.contains(word)) {
                if (i + 1 >= words.size()) {
                    throw new InvalidSparkSubmitParameters(word + " needs a value");
                }
                value = words.get(++i);
            } else {
                throw new InvalidSparkSubmitParameters("'" + word + "' is not a spark-submit option");
            }
            result.add(option, value);
        }
        return result.build();
    }

    private static final class Builder {
        private final List<String> options = new ArrayList<>();
        private final Map<String, String> environment = new LinkedHashMap<>();
        private final List<String> javaOptions = new ArrayList<>();
        private final Map<String, String> python = new LinkedHashMap<>();
        private final List<String> dropped = new ArrayList<>();

        void add(String option, String value) {
            if (!OPTIONS_WITH_VALUE.contains(option)) {
                throw new InvalidSparkSubmitParameters("'" + option + "' is not a spark-submit option");
            }
            if (option.equals("--conf") || option.equals("-c")) {
                addConf(value);
            } else if (option.equals("--driver-java-options")) {
                javaOptions.add(value);
            } else if (DROPPED_OPTIONS.contains(option)) {
                dropped.add(option + " " + value);
            } else {
                options.add(option);
                options.add(value);
            }
        }

        private void addConf(String setting) {
            int equals = setting.indexOf('=');
            if (equals <= 0) {
                throw new InvalidSparkSubmitParameters("--conf " + setting + " is not key=value");
            }
            String key = setting.substring(0, equals);
            String value = setting.substring(equals + 1);
            if (PYTHON_SETTINGS.containsKey(key)) {
                // The driver's own variable wins over the executors' (EMR's generated settings agree anyway).
                String variable = PYTHON_SETTINGS.get(key);
                if (!key.startsWith("spark.executorEnv.") || !python.containsKey(variable)) {
                    python.put(variable, value);
                }
            } else if (key.startsWith(DRIVER_ENV)) {
                environment.put(key.substring(DRIVER_ENV.length()), value);
            } else if (key.equals(DRIVER_JAVA_OPTIONS)) {
                javaOptions.add(value);
            } else if (key.startsWith("spark.emr-serverless.") || key.startsWith("spark.dynamicAllocation.")
                    || DROPPED_CONFS.contains(key)) {
                dropped.add("--conf " + setting);
            } else {
                options.add("--conf");
                options.add(setting);
            }
        }

        SparkSubmitParameters build() {
            return new SparkSubmitParameters(List.copyOf(options), Map.copyOf(environment),
                    String.join(" ", javaOptions), Map.copyOf(python), List.copyOf(dropped));
        }
    }
}
