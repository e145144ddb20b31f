package io.emrpipeline.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.emrserverless.model.JobDriver;
import software.amazon.awssdk.services.emrserverless.model.SparkSubmit;

/**
 * Builds the StartJobRun job driver for each job mode. Package and flyte modes run the
 * pipeline's bootstrap (see docs/entrypoint.md for its argument contract). The pipeline's own
 * Spark settings are merged into the user's, never put in their place: its spark.archives and
 * spark.submit.pyFiles entries are appended, and a setting it cannot merge is a request problem.
 */
public final class JobDriverFactory {

    /** The directory name Spark unpacks a venv archive into, on driver and executors. */
    static final String VENV_DIR = "environment";
    /** The directory name Spark unpacks a project's configuration archive into (projectConf). */
    static final String PROJECT_CONF_DIR = "project-conf";
    /** EMR Serverless' limit on sparkSubmitParameters. */
    static final int MAX_SPARK_SUBMIT_PARAMETERS = 102_400;
    static final String ARCHIVES = "spark.archives";
    static final String PY_FILES = "spark.submit.pyFiles";
    /** The settings a venv archive decides: a user's value for one of them conflicts with the archive. */
    static final List<String> PYTHON_SETTINGS = List.of(
            "spark.emr-serverless.driverEnv.PYSPARK_DRIVER_PYTHON",
            "spark.emr-serverless.driverEnv.PYSPARK_PYTHON",
            "spark.executorEnv.PYSPARK_PYTHON");
    /** Raw parameters that would silently override what the pipeline merged in sparkConf. */
    private static final Pattern RAW_ARCHIVES = Pattern.compile("(--archives\\b|\\bspark\\.archives=)");
    private static final Pattern RAW_PY_FILES = Pattern.compile("(--py-files\\b|\\bspark\\.submit\\.pyFiles=)");
    private static final Pattern RAW_PYTHON = Pattern.compile("\\bPYSPARK_(DRIVER_)?PYTHON=");

    private JobDriverFactory() {}

    public static JobDriver driverFor(JobRequest.Job job, Supplier<String> stagedBootstrap) {
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
                }
                // Without a package the module comes from the application's custom image.
                arguments.addAll(List.of("--module", job.module()));
                if (job.projectConf() != null) {
                    // The same entry as in spark.archives: the bootstrap finds the unpacked directory by its alias.
                    arguments.addAll(List.of("--conf-archive", projectConfEntry(job.projectConf()),
                            "--conf-option=" + job.projectConf().option()));
                }
                arguments.add("--");
                arguments.addAll(job.arguments());
            }
            case "flyte" -> {
                entryPoint = stagedBootstrap.get();
                arguments.addAll(List.of("flyte", "--bundle", job.bundle(), "--"));
                arguments.addAll(job.command());
            }
            default -> throw new IllegalArgumentException("unknown job mode " + job.mode());
        }
        return JobDriver.builder()
                .sparkSubmit(SparkSubmit.builder()
                        .entryPoint(entryPoint)
                        .entryPointArguments(arguments)
                        .sparkSubmitParameters(sparkSubmitParameters(job))
                        .build())
                .build();
    }

    /**
     * Why the pipeline cannot merge its settings into the job's, and whether the merged parameters
     * fit EMR's limit: checked before anything starts, each problem naming the user's field.
     */
    static List<String> problems(JobRequest.Job job) {
        List<String> problems = new ArrayList<>();
        String raw = job.sparkSubmitParameters() == null ? "" : job.sparkSubmitParameters();
        if (job.pythonEnvironment() != null) {
            String python = pythonIn(VENV_DIR);
            for (String setting : PYTHON_SETTINGS) {
                String value = job.sparkConf().get(setting);
                if (value != null && !value.equals(python)) {
                    problems.add("$.job.sparkConf['" + setting + "'] conflicts with $.job.pythonEnvironment.venvArchive:"
                            + " the venv archive sets the Python to " + python + "; remove one of them");
                }
            }
            if (RAW_PYTHON.matcher(raw).find()) {
                problems.add("$.job.sparkSubmitParameters sets PYSPARK_PYTHON, which conflicts with"
                        + " $.job.pythonEnvironment.venvArchive; remove one of them");
            }
            if (RAW_ARCHIVES.matcher(raw).find()) {
                problems.add("$.job.sparkSubmitParameters sets the archives, which would replace the venv archive of"
                        + " $.job.pythonEnvironment.venvArchive; put them in $.job.sparkConf['spark.archives'] instead,"
                        + " where the pipeline adds its own");
            }
        }
        problems.addAll(projectConfProblems(job, raw));
        if (job.packageUri() != null && RAW_PY_FILES.matcher(raw).find()) {
            problems.add("$.job.sparkSubmitParameters sets the Python files, which would replace $.job.package;"
                    + " put them in $.job.sparkConf['spark.submit.pyFiles'] instead, where the pipeline adds its own");
        }
        String parameters = sparkSubmitParameters(job);
        if (parameters != null && parameters.length() > MAX_SPARK_SUBMIT_PARAMETERS) {
            problems.add("$.job: its Spark settings come to " + parameters.length() + " characters of spark-submit"
                    + " parameters; EMR Serverless takes at most " + MAX_SPARK_SUBMIT_PARAMETERS);
        }
        return problems;
    }

    /** The user's sparkConf with the pipeline's own entries merged in. */
    static Map<String, String> conf(JobRequest.Job job) {
        Map<String, String> conf = new TreeMap<>(job.sparkConf());
        if ("package".equals(job.mode()) && job.packageUri() != null) {
            append(conf, PY_FILES, job.packageUri());
        }
        if (job.projectConf() != null) {
            append(conf, ARCHIVES, projectConfEntry(job.projectConf()));
        }
        if (job.pythonEnvironment() != null) {
            // The settings EMR Serverless documents for a custom Python environment: the archive,
            // unpacked into VENV_DIR on driver and executors, and the Python inside it.
            append(conf, ARCHIVES, job.pythonEnvironment().venvArchive() + "#" + VENV_DIR);
            PYTHON_SETTINGS.forEach(setting -> conf.put(setting, pythonIn(VENV_DIR)));
        }
        return conf;
    }

    /** Spark reads both settings as comma-separated lists: ours goes after the user's. */
    private static void append(Map<String, String> conf, String key, String entry) {
        conf.merge(key, entry, (users, ours) -> users + "," + ours);
    }

    private static String projectConfEntry(JobRequest.ProjectConf projectConf) {
        return projectConf.archive() + "#" + PROJECT_CONF_DIR;
    }

    /** What stops the configuration archive from reaching main(argv) as the request expects. */
    private static List<String> projectConfProblems(JobRequest.Job job, String raw) {
        JobRequest.ProjectConf projectConf = job.projectConf();
        if (projectConf == null) {
            return List.of();
        }
        List<String> problems = new ArrayList<>();
        String option = projectConf.option();
        if (job.arguments().stream().anyMatch(argument -> argument.equals(option) || argument.startsWith(option + "="))) {
            problems.add("$.job.arguments passes " + option + ", which $.job.projectConf passes too (the unpacked"
                    + " archive); remove one of them");
        }
        String users = job.sparkConf().getOrDefault(ARCHIVES, "");
        if (List.of(users.split(",")).stream().anyMatch(entry -> entry.strip().endsWith("#" + PROJECT_CONF_DIR))) {
            problems.add("$.job.sparkConf['" + ARCHIVES + "'] has an archive named #" + PROJECT_CONF_DIR
                    + ", the directory of $.job.projectConf.archive; give it another alias");
        }
        if (RAW_ARCHIVES.matcher(raw).find()) {
            problems.add("$.job.sparkSubmitParameters sets the archives, which would replace $.job.projectConf.archive;"
                    + " put them in $.job.sparkConf['spark.archives'] instead, where the pipeline adds its own");
        }
        return problems;
    }

    private static String pythonIn(String directory) {
        return "./" + directory + "/bin/python";
    }

    private static String sparkSubmitParameters(JobRequest.Job job) {
        List<String> parameters = new ArrayList<>();
        if (job.mainClass() != null) {
            parameters.add("--class " + job.mainClass());
        }
        conf(job).forEach((key, value) -> parameters.add("--conf " + key + "=" + value));
        if (job.sparkSubmitParameters() != null && !job.sparkSubmitParameters().isBlank()) {
            parameters.add(job.sparkSubmitParameters().trim());
        }
        return parameters.isEmpty() ? null : String.join(" ", parameters);
    }
}
