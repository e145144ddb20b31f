package io.emrpipeline.local.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SparkSubmitCommandTest {

    private static final Path SPARK_SUBMIT = Path.of("/repo/.venv/bin/spark-submit");
    private static final Path SPARK_HOME = Path.of("/repo/.venv/lib/python3.11/site-packages/pyspark");
    private static final SparkInstall SPARK = new SparkInstall(SPARK_SUBMIT, SPARK_HOME, Path.of("/repo/.venv/bin/python"));
    private static final Path WORK = Path.of("/repo/tests/target/spark-runs/00run");

    private static SparkSubmitCommand command(String parameters, Map<String, String> inherited) {
        return SparkSubmitCommand.of(SPARK, WORK, URI.create("http://127.0.0.1:4566"), "us-east-1",
                WORK + "/s3/bkt/job.py", List.of("--rows", "10"), SparkSubmitParameters.parse(parameters),
                JobPython.runners(SPARK.python()), inherited);
    }

    @Test
    void runsTheEntryPointLocallyWithTheJobsSettingsThenTheLocalOnes() {
        List<String> command = command("--conf spark.ui.enabled=true --conf spark.driver.extraJavaOptions=-Dx=1",
                Map.of("PATH", "/usr/bin")).command();

        assertEquals(List.of(SPARK_SUBMIT.toString(), "--master", "local[2]",
                "--conf", "spark.ui.enabled=true",
                "--conf", "spark.ui.enabled=false",
                "--conf", "spark.local.dir=" + WORK.resolve("spark-local"),
                "--driver-java-options", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Dx=1",
                WORK + "/s3/bkt/job.py", "--rows", "10"), command);
    }

    @Test
    void driverAndWorkersUseTheVenvsPythonAndTheLocalAws() {
        Map<String, String> environment = command("--conf spark.emr-serverless.driverEnv.STAGE=dev",
                Map.of("PATH", "/usr/bin", "SPARK_HOME", "/opt/other-spark", "AWS_PROFILE", "prod", "HOME", "/root"))
                .environment();

        assertEquals("/repo/.venv/bin/python", environment.get("PYSPARK_PYTHON"));
        assertEquals("/repo/.venv/bin/python", environment.get("PYSPARK_DRIVER_PYTHON"));
        assertTrue(environment.get("PATH").startsWith("/repo/.venv/bin:"), environment.get("PATH"));
        assertEquals("http://127.0.0.1:4566", environment.get("AWS_ENDPOINT_URL"));
        assertEquals("dev", environment.get("STAGE"));
        assertEquals("/root", environment.get("HOME"));
        assertEquals(SPARK_HOME.toString(), environment.get("SPARK_HOME"), "the venv's Spark, not another");
        assertFalse(environment.containsKey("AWS_PROFILE"), "never real credentials");
    }
}
