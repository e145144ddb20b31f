package io.emrpipeline.local.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SparkSubmitParametersTest {

    @Test
    void keepsWhatLocalSparkUnderstandsAndDropsEmrSizing() {
        SparkSubmitParameters parsed = SparkSubmitParameters.parse("--class com.example.Main "
                + "--conf spark.executor.memory=2g --conf spark.executor.instances=10 "
                + "--conf spark.submit.pyFiles=s3://b/w.whl --conf spark.sql.shuffle.partitions=4 "
                + "--conf spark.dynamicAllocation.maxExecutors=50 --conf spark.emr-serverless.driver.disk=50g");

        assertEquals(List.of("--class", "com.example.Main", "--conf", "spark.submit.pyFiles=s3://b/w.whl",
                "--conf", "spark.sql.shuffle.partitions=4"), parsed.options());
        assertEquals(4, parsed.dropped().size(), parsed.dropped()::toString);
    }

    @Test
    void driverEnvSettingsBecomeTheDriversEnvironmentAndTheInterpreterSettingsAreSetAside() {
        SparkSubmitParameters parsed = SparkSubmitParameters.parse(
                "--conf spark.executorEnv.PYSPARK_PYTHON=./other/bin/python "
                        + "--conf spark.emr-serverless.driverEnv.STAGE=dev "
                        + "--conf spark.emr-serverless.driverEnv.PYSPARK_PYTHON=./environment/bin/python "
                        + "--conf spark.pyspark.driver.python=./environment/bin/python3 "
                        + "--conf spark.archives=s3://b/env.tar.gz#environment");

        assertEquals(Map.of("STAGE", "dev"), parsed.driverEnvironment());
        assertEquals(Map.of("PYSPARK_PYTHON", "./environment/bin/python",
                "PYSPARK_DRIVER_PYTHON", "./environment/bin/python3"), parsed.python());
        assertEquals(List.of("--conf", "spark.archives=s3://b/env.tar.gz#environment"), parsed.options());
    }

    @Test
    void quotedJavaOptionsAreOneWordAndCollectedForTheRunnersOwn() {
        SparkSubmitParameters parsed = SparkSubmitParameters.parse(
                "--conf \"spark.driver.extraJavaOptions=-Da=1 -Db=2\" --driver-java-options '-Dc=3'");

        assertEquals("-Da=1 -Db=2 -Dc=3", parsed.driverJavaOptions());
        assertEquals(List.of(), parsed.options());
    }

    @Test
    void takesTheOptionEqualsValueFormAndFlags() {
        SparkSubmitParameters parsed = SparkSubmitParameters.parse("--conf=spark.a=1 --verbose --name=job --master yarn");

        assertEquals(List.of("--conf", "spark.a=1", "--verbose", "--name", "job"), parsed.options());
        assertEquals(List.of("--master yarn"), parsed.dropped());
    }

    @Test
    void noParametersAreNone() {
        assertEquals(List.of(), SparkSubmitParameters.parse(null).options());
        assertEquals(List.of(), SparkSubmitParameters.parse("  ").options());
    }

    @Test
    void refusesWhatSparkSubmitWouldTakeForTheEntryPointOrReject() {
        for (String bad : List.of("s3://b/job.py", "--conf", "--conf spark.a", "--bogus x", "--conf 'spark.a=1")) {
            InvalidSparkSubmitParameters refused = assertThrows(InvalidSparkSubmitParameters.class,
                    () -> SparkSubmitParameters.parse(bad), bad);
            assertTrue(!refused.getMessage().isBlank());
        }
    }
}
