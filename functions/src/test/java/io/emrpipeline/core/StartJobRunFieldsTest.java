package io.emrpipeline.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.emrpipeline.core.fakes.FakePipeline;
import io.emrpipeline.core.fakes.Fixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.emrserverless.model.ApplicationState;
import software.amazon.awssdk.services.emrserverless.model.Configuration;
import software.amazon.awssdk.services.emrserverless.model.JobRun;
import software.amazon.awssdk.services.emrserverless.model.JobRunMode;
import software.amazon.awssdk.services.emrserverless.model.MonitoringConfiguration;

/** Every StartJobRun member the job request offers reaches the StartJobRun call as the request gave it. */
class StartJobRunFieldsTest {

    private static final String APP = "00fq2rhm4nqa3l09";
    private static final String KEY = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    private static final ExecutionRef EXECUTION = new ExecutionRef(
            "arn:aws:states:eu-west-1:111122223333:execution:emr-pipeline:exec-0001", "exec-0001");

    private final FakePipeline pipeline = new FakePipeline();

    StartJobRunFieldsTest() {
        pipeline.emr().withApplication(APP, "analytics", ApplicationState.STARTED);
    }

    @Test
    void aStreamingJobStartsInStreamingModeWithoutATimeoutAndItsAwaitReArmsDaily() {
        ObjectNode result = pipeline.submitter().submit(everyField(), EXECUTION);

        JobRun run = onlyJobRun();
        assertEquals(JobRunMode.STREAMING, run.mode());
        assertEquals(0L, run.executionTimeoutMinutes(), "0: no timeout, not EMR's 12-hour batch default");
        assertEquals(3, run.retryPolicy().maxFailedAttemptsPerHour());
        assertEquals(JobRunSubmitter.STREAMING_AWAIT_SECONDS, result.path("awaitTimeoutSeconds").asLong());
    }

    @Test
    void aStreamingJobWithATimeoutKeepsIt() {
        ObjectNode request = everyField().put("timeoutMinutes", 120);

        pipeline.submitter().submit(request, EXECUTION);

        assertEquals(120L, onlyJobRun().executionTimeoutMinutes());
    }

    @Test
    void aRequestWithoutAModeStartsABatchJob() {
        ObjectNode request = everyField();
        request.remove("mode");
        request.remove("retryPolicy");

        pipeline.submitter().submit(request, EXECUTION);

        assertEquals(JobRunMode.BATCH, onlyJobRun().mode());
        assertNull(onlyJobRun().executionTimeoutMinutes(), "EMR's own default");
    }

    @Test
    void theSessionPolicyIsSentCompactWithItsManagedPolicies() throws Exception {
        pipeline.submitter().submit(everyField(), EXECUTION);

        var policy = onlyJobRun().executionIamPolicy();
        JsonNode given = everyField().path("executionIamPolicy").path("policy");
        assertEquals(Json.MAPPER.writeValueAsString(given), policy.policy(), "the request's object, compact");
        assertEquals(List.of("arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess", "arn:aws:iam::111122223333:policy/kinesis-read"),
                policy.policyArns());
    }

    @Test
    void anInlinePolicyGivenAsAStringIsSentCompactToo() {
        ObjectNode request = everyField();
        ((ObjectNode) request.get("executionIamPolicy")).put("policy",
                "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": {\"Effect\": \"Deny\", \"Action\": \"s3:*\", \"Resource\": \"*\"}\n}");

        pipeline.submitter().submit(request, EXECUTION);

        String sent = onlyJobRun().executionIamPolicy().policy();
        assertEquals("{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Deny\",\"Action\":\"s3:*\",\"Resource\":\"*\"}}", sent);
        assertFalse(sent.contains("\n"), "EMR takes only characters from space to \\u00ff");
    }

    @Test
    void everyMonitoringConfigurationReachesStartJobRun() {
        pipeline.submitter().submit(everyField(), EXECUTION);

        MonitoringConfiguration monitoring = onlyJobRun().configurationOverrides().monitoringConfiguration();
        assertEquals("s3://my-bucket/logs/", monitoring.s3MonitoringConfiguration().logUri());
        assertEquals(KEY, monitoring.s3MonitoringConfiguration().encryptionKeyArn());
        var cloudWatch = monitoring.cloudWatchLoggingConfiguration();
        assertTrue(cloudWatch.enabled());
        assertEquals("/aws/emr-serverless/clickstream", cloudWatch.logGroupName());
        assertEquals("prod", cloudWatch.logStreamNamePrefix());
        assertEquals(KEY, cloudWatch.encryptionKeyArn());
        assertEquals(Map.of("SPARK_DRIVER", List.of("STDOUT", "STDERR"), "SPARK_EXECUTOR", List.of("STDERR")), cloudWatch.logTypes());
        assertEquals(false, monitoring.managedPersistenceMonitoringConfiguration().enabled());
        assertEquals(KEY, monitoring.managedPersistenceMonitoringConfiguration().encryptionKeyArn());
        assertEquals("https://aps-workspaces.eu-west-1.amazonaws.com/workspaces/ws-0123abcd-4567/api/v1/remote_write",
                monitoring.prometheusMonitoringConfiguration().remoteWriteUrl());
    }

    @Test
    void applicationConfigurationClassificationsReachStartJobRunNested() {
        pipeline.submitter().submit(everyField(), EXECUTION);

        List<Configuration> configurations = onlyJobRun().configurationOverrides().applicationConfiguration();
        assertEquals(1, configurations.size());
        assertEquals("spark-defaults", configurations.get(0).classification());
        assertEquals(Map.of("spark.sql.shuffle.partitions", "64"), configurations.get(0).properties());
        assertEquals("spark-env", configurations.get(0).configurations().get(0).classification());
        assertEquals(Map.of("TZ", "UTC"), configurations.get(0).configurations().get(0).properties());
    }

    @Test
    void withoutMonitoringTheDeploymentsLogUriIsUsedAndNothingElseIsSet() {
        ObjectNode request = everyField();
        request.remove("configurationOverrides");

        pipeline.submitter().submit(request, EXECUTION);

        MonitoringConfiguration monitoring = onlyJobRun().configurationOverrides().monitoringConfiguration();
        assertEquals(FakePipeline.DEFAULT_LOG_URI, monitoring.s3MonitoringConfiguration().logUri());
        assertNull(monitoring.cloudWatchLoggingConfiguration());
        assertNull(monitoring.managedPersistenceMonitoringConfiguration());
        assertNull(monitoring.prometheusMonitoringConfiguration());
    }

    private static ObjectNode everyField() {
        return (ObjectNode) Fixtures.request("streaming-every-field.json");
    }

    private JobRun onlyJobRun() {
        List<JobRun> runs = pipeline.emr().jobRuns();
        assertEquals(1, runs.size(), "job runs: " + runs);
        return runs.get(0);
    }
}
