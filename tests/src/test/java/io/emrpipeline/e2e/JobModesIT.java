package io.emrpipeline.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.emrpipeline.contract.RepositoryRoot;
import io.emrpipeline.core.Json;
import io.emrpipeline.local.LocalPipeline;
import io.emrpipeline.local.spark.ExampleUploads;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * Each job mode runs real Spark through the whole local pipeline, from its example's own job
 * request, the file {@code make run EXAMPLE=…} runs: the example's files are uploaded (and built:
 * the wheel, the jar, the bundle, the venv archive) as the local run does, the execution starts,
 * and the job's output in the local S3 is checked against what the input holds. One pipeline with
 * the real Spark runner for the whole class.
 */
class JobModesIT extends SparkPipelineScenarios {

    private static final String BUCKET = LocalPipeline.BUCKET;
    private static final Duration JOB_TIMEOUT = Duration.ofMinutes(4);
    private static final Path REPO = RepositoryRoot.find();
    private static final String INPUT = "examples/wordcount/input.txt";

    @Test
    void scriptModeRunsAPySparkFile() throws Exception {
        Run run = runExample("wordcount");

        List<String> rows = csvRows(run.outputs("output/wordcount/"), "word,count");
        assertTrue(rows.contains("the," + count(words(INPUT), "the")), rows::toString);
    }

    @Test
    void scriptModeRunsAJarWithItsMainClass() throws Exception {
        Run run = runExample("spark-jar");

        List<String> rows = csvRows(run.outputs("output/letter-counts/"), "letter,words");
        long startingWithT = words(INPUT).stream().filter(word -> word.startsWith("t")).count();
        assertTrue(rows.contains("t," + startingWithT), rows::toString);
        assertTrue(run.driverStderr().contains("Submitted application: letter-counts"), "the jar's main class ran");
    }

    @Test
    void packageModeCallsTheWheelsMainInTheDriverAndShipsItToTheExecutors() throws Exception {
        Run run = runExample("packaged-project");

        List<JsonNode> rows = jsonRows(run.outputs("output/wordstats/"));
        long counted = rows.stream().mapToLong(row -> row.path("words").asLong()).sum();
        assertEquals(words(INPUT).size(), counted, rows::toString);
        assertTrue(rows.stream().allMatch(row -> row.has("length") && row.has("example")), rows::toString);
        assertTrue(run.driverStdout().contains("calling wordstats.main.main from "), run.driverStdout());
    }

    @Test
    void flyteModeRunsTheBundlesCommandOnTheDriver() throws Exception {
        Run run = runExample("flyte-task");

        List<JsonNode> rows = jsonRows(run.outputs("output/line-stats/"));
        assertEquals(1, rows.size(), rows::toString);
        List<String> lines = Files.readAllLines(REPO.resolve(INPUT));
        assertEquals(lines.size(), rows.get(0).path("lines").asInt(), rows::toString);
        assertEquals(lines.stream().mapToInt(String::length).max().orElseThrow(),
                rows.get(0).path("longest_line").asInt(), rows::toString);
        assertTrue(run.driverStdout().contains("emr-pipeline-bootstrap: running python3 in "), run.driverStdout());
    }

    @Test
    void aVenvArchiveIsTheJobsPythonOnDriverAndExecutors() throws Exception {
        Process projectPython = new ProcessBuilder(REPO.resolve(".venv/bin/python").toString(), "-c", "import unidecode")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertNotEquals(0, projectPython.waitFor(), "only the archive may hold the job's library");

        Run run = runExample("venv-job");

        List<String> rows = csvRows(run.outputs("output/ascii-words/"), "word,count");
        assertTrue(rows.containsAll(List.of("cafe,2", "creme,2", "zurich,1", "lodz,1")), rows::toString);
        Path environment = pipeline.sparkJobs().orElseThrow().workDirectory(run.jobRunId()).resolve("environment");
        assertTrue(run.driverStdout().contains("driver python: " + environment + "\n"), run.driverStdout());
        assertTrue(run.driverStdout().contains("worker python: " + environment + "\n"), run.driverStdout());
    }

    /** An example's job request through the pipeline; it must succeed. */
    private static Run runExample(String example) throws Exception {
        JsonNode request = Json.parse(Files.readAllBytes(REPO.resolve("examples/" + example + "/job-request.json")));
        Path scratch = Files.createTempDirectory(Files.createDirectories(REPO.resolve("tests/target/example-builds")),
                example + "-");
        ExampleUploads.upload(request, BUCKET, REPO, pipeline.s3(), scratch);
        String executionArn = pipeline.startExecution(example, request.toString());
        DescribeExecutionResponse execution = pipeline.awaitExecution(executionArn, JOB_TIMEOUT);
        assertEquals(ExecutionStatus.SUCCEEDED, execution.status(), () -> Scenarios.describe(execution));
        JsonNode jobRun = Json.MAPPER.readTree(execution.output()).path("jobRun");
        assertEquals("SUCCESS", jobRun.path("state").asText(), jobRun::toString);
        return new Run(jobRun.path("jobRunId").asText());
    }

    private record Run(String jobRunId) {

        /** The non-empty output files under the prefix, after the job's _SUCCESS marker is checked. */
        List<String> outputs(String prefix) {
            List<String> keys = pipeline.s3().listObjectsV2(r -> r.bucket(BUCKET).prefix(prefix)).contents().stream()
                    .map(S3Object::key).toList();
            assertTrue(keys.contains(prefix + "_SUCCESS"), keys::toString);
            return keys.stream().filter(key -> !key.substring(key.lastIndexOf('/') + 1).startsWith("_"))
                    .map(key -> pipeline.s3().getObjectAsBytes(r -> r.bucket(BUCKET).key(key)).asUtf8String())
                    .filter(text -> !text.isEmpty())
                    .toList();
        }

        String driverStdout() throws Exception {
            return Files.readString(workDirectory().resolve("stdout.log"), StandardCharsets.UTF_8);
        }

        String driverStderr() throws Exception {
            return Files.readString(workDirectory().resolve("stderr.log"), StandardCharsets.UTF_8);
        }

        private Path workDirectory() {
            return pipeline.sparkJobs().orElseThrow().workDirectory(jobRunId);
        }
    }

    /** The data rows of CSV part files, each of which must start with the header. */
    private static List<String> csvRows(List<String> files, String header) {
        assertFalse(files.isEmpty(), "no part file");
        List<String> rows = new ArrayList<>();
        for (String file : files) {
            List<String> lines = file.lines().toList();
            assertEquals(header, lines.get(0));
            rows.addAll(lines.subList(1, lines.size()));
        }
        return rows;
    }

    private static List<JsonNode> jsonRows(List<String> files) {
        return files.stream().flatMap(String::lines).map(line -> Json.parse(line.getBytes(StandardCharsets.UTF_8)))
                .toList();
    }

    /** The input's words as the example jobs split them: lower case, letters, digits and inner apostrophes. */
    private static List<String> words(String path) throws Exception {
        Pattern separators = Pattern.compile("[^\\p{L}\\p{N}']+");
        return Arrays.stream(separators.split(Files.readString(REPO.resolve(path)).toLowerCase(Locale.ROOT)))
                .filter(word -> !word.isEmpty()).toList();
    }

    private static long count(List<String> words, String word) {
        return words.stream().filter(word::equals).count();
    }
}
