package io.emrpipeline.local.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class FailureSummaryTest {

    /** spark-submit's stdout when the Python driver raised (Python's stderr is merged into it). */
    private static final List<String> PYTHON_DRIVER_STDOUT = List.of(
            "counted 3 rows; now dividing by zero",
            "Traceback (most recent call last):",
            "  File \"/work/run/s3/bkt/jobs/fails.py\", line 7, in <module>",
            "    print(rows / 0)",
            "          ~~~~~^~~",
            "ZeroDivisionError: division by zero");

    /** Spark's own log, on stderr. */
    private static final List<String> SPARK_STDERR = List.of(
            "26/11/21 18:45:58 INFO SparkContext: Successfully stopped SparkContext",
            "26/11/21 18:45:58 INFO ShutdownHookManager: Shutdown hook called");

    @Test
    void aPythonExceptionReadsLikeEmrServerlessStateDetails() {
        assertEquals("Job failed, ExitCode: 1. Last few exceptions: ZeroDivisionError: division by zero",
                FailureSummary.stateDetails(1, PYTHON_DRIVER_STDOUT, SPARK_STDERR));
    }

    @Test
    void theBootstrapsErrorLineCountsButNotItsHint() {
        List<String> stdout = List.of(
                "emr-pipeline-bootstrap: ModuleNotImportable: cannot import wordstats.mian: No module named 'wordstats.mian'",
                "emr-pipeline-bootstrap: hint: check the module name");

        String details = FailureSummary.stateDetails(66, stdout, SPARK_STDERR);

        assertEquals("Job failed, ExitCode: 66. Last few exceptions: emr-pipeline-bootstrap: ModuleNotImportable: "
                + "cannot import wordstats.mian: No module named 'wordstats.mian'", details);
    }

    @Test
    void javaFailuresOnStderrAreFoundToo() {
        List<String> stderr = List.of(
                "26/11/21 18:45:58 ERROR SparkContext: Error initializing SparkContext.",
                "java.io.FileNotFoundException: File file:/work/run/s3/bkt/missing.py does not exist",
                "\tat org.apache.hadoop.fs.RawLocalFileSystem.deprecatedGetFileStatus(RawLocalFileSystem.java:779)",
                "Exception in thread \"main\" org.apache.spark.SparkException: Failed to get main class");

        String details = FailureSummary.stateDetails(1, List.of(), stderr);

        assertTrue(details.contains("java.io.FileNotFoundException: File file:/work/run/s3/bkt/missing.py"), details);
        assertTrue(details.endsWith("Exception in thread \"main\" org.apache.spark.SparkException: Failed to get main class"),
                details);
    }

    @Test
    void onlyTheLastFewExceptionsAreKeptAndLongLinesAreCut() {
        List<String> stdout = List.of("AError: 1", "BError: 2", "CError: 3", "DError: " + "x".repeat(1000));

        String details = FailureSummary.stateDetails(1, stdout, List.of());

        assertTrue(details.startsWith("Job failed, ExitCode: 1. Last few exceptions: BError: 2\nCError: 3\nDError: x"), details);
        assertTrue(details.length() < 400, "short, like the service's: " + details.length());
    }

    @Test
    void withoutAnExceptionTheLastPlainLinesExplain() {
        List<String> stdout = List.of("loading", "giving up: the input is empty", "");

        assertEquals("Job failed, ExitCode: 3. Last few exceptions: loading\ngiving up: the input is empty",
                FailureSummary.stateDetails(3, stdout, SPARK_STDERR));
        assertEquals("Job failed, ExitCode: 137. The driver wrote nothing that explains it.",
                FailureSummary.stateDetails(137, Collections.emptyList(), List.of()));
    }
}
