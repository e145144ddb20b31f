package io.emrpipeline.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.emrpipeline.contract.Contract;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.emrserverless.model.CloudWatchLoggingConfiguration;
import software.amazon.awssdk.services.emrserverless.model.ConfigurationOverrides;
import software.amazon.awssdk.services.emrserverless.model.JobRun;
import software.amazon.awssdk.services.emrserverless.model.JobRunMode;
import software.amazon.awssdk.services.emrserverless.model.JobRunState;
import software.amazon.awssdk.services.emrserverless.model.MonitoringConfiguration;
import software.amazon.awssdk.services.emrserverless.model.ResourceUtilization;
import software.amazon.awssdk.services.emrserverless.model.S3MonitoringConfiguration;
import software.amazon.awssdk.services.emrserverless.model.TotalResourceUtilization;

/** The outcome the state machine branches on and a person reads, from one GetJobRun answer. */
class JobRunOutcomesTest {

    private static final String EXECUTION_ARN = "arn:aws:states:eu-west-1:111122223333:execution:emr-pipeline:exec-0001";
    private static final String STDERR_CONSOLE_LINK = "https://s3.console.aws.amazon.com/s3/object/job-bucket?region=eu-west-1"
            + "&prefix=logs%2Fapplications%2F00fq2rhm4nqa3l09%2Fjobs%2F00fq2rk3l7gs0b09%2FSPARK_DRIVER%2Fstderr.gz";

    private final JobRunOutcomes outcomes = new JobRunOutcomes(new Links("eu-west-1", Optional.empty()));

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"SUCCESS, SUCCEEDED", "FAILED, FAILED", "CANCELLED, CANCELLED"})
    void aTerminalStateBecomesTheStatusTheStateMachineRoutesOn(JobRunState state, String status) {
        assertEquals(status, outcomes.outcome(run(state).build(), EXECUTION_ARN).path("status").asText());
    }

    static Stream<String> waitingStates() {
        return Contract.get().waitingStates().stream().sorted();
    }

    @ParameterizedTest(name = "{0} -> RUNNING")
    @MethodSource("waitingStates")
    void everyWaitingStateSendsTheMachineBackToWait(String state) {
        ObjectNode outcome = outcomes.outcome(run(JobRunState.fromValue(state)).build(), EXECUTION_ARN);

        assertEquals("RUNNING", outcome.path("status").asText());
        assertTrue(outcome.has("cause") && outcome.get("cause").isNull(), "present, so the ASL can select it: " + outcome);
    }

    @Test
    void aRetriedRunNamesItsAttemptAndLinksThatAttemptsLogs() {
        ObjectNode outcome = outcomes.outcome(run(JobRunState.FAILED).attempt(3).stateDetails("OutOfMemoryError").build(),
                EXECUTION_ARN);

        assertEquals(3, outcome.path("jobRun").path("attempt").asInt());
        assertEquals("s3://job-bucket/logs/applications/00fq2rhm4nqa3l09/jobs/00fq2rk3l7gs0b09/attempts/3/SPARK_DRIVER/",
                outcome.path("links").path("driverLogsS3").asText());
    }

    @Test
    void aRunWithoutRetriesIsOnItsFirstAttemptWithTheUsualLogPath() {
        ObjectNode outcome = outcomes.outcome(run(JobRunState.SUCCESS).build(), EXECUTION_ARN);

        assertEquals(1, outcome.path("jobRun").path("attempt").asInt());
        assertEquals("s3://job-bucket/logs/applications/00fq2rhm4nqa3l09/jobs/00fq2rk3l7gs0b09/SPARK_DRIVER/",
                outcome.path("links").path("driverLogsS3").asText());
    }

    @Test
    void aFailedRunsCauseSaysWhatFailedAndWhereItsDriverLogIs() {
        ObjectNode outcome = outcomes.outcome(run(JobRunState.FAILED)
                .stateDetails("Job failed, ExitCode: 1. Caused by: java.lang.ArithmeticException: / by zero").build(), EXECUTION_ARN);

        String cause = outcome.path("cause").asText();
        assertTrue(cause.startsWith("EMR Serverless job run 00fq2rhm4nqa3l09/00fq2rk3l7gs0b09 (wordcount:exec-0001) ended FAILED"), cause);
        assertTrue(cause.contains("java.lang.ArithmeticException: / by zero"), cause);
        assertTrue(cause.endsWith("Driver stderr: " + STDERR_CONSOLE_LINK), cause);
        assertEquals(STDERR_CONSOLE_LINK, outcome.path("links").path("driverStderr").asText());
    }

    @Test
    void aCancelledRunWithoutDetailsSaysSo() {
        String cause = outcomes.outcome(run(JobRunState.CANCELLED).build(), EXECUTION_ARN).path("cause").asText();

        assertTrue(cause.contains("ended CANCELLED: no details given"), cause);
    }

    @Test
    void aCancelledStreamingRunSaysItWasAStreamingRunAndTheOutcomeCarriesTheMode() {
        ObjectNode outcome = outcomes.outcome(run(JobRunState.CANCELLED).mode(JobRunMode.STREAMING)
                .stateDetails("Job run cancelled by user").build(), EXECUTION_ARN);

        assertTrue(outcome.path("cause").asText().startsWith("EMR Serverless streaming job run "), outcome.toString());
        assertTrue(outcome.path("cause").asText().contains("ended CANCELLED: Job run cancelled by user"), outcome.toString());
        assertEquals("STREAMING", outcome.path("jobRun").path("mode").asText());
    }

    @Test
    void aSucceededRunHasANullCause() {
        ObjectNode outcome = outcomes.outcome(run(JobRunState.SUCCESS).stateDetails("").build(), EXECUTION_ARN);

        assertTrue(outcome.get("cause").isNull(), outcome.toString());
    }

    @Test
    void costAndTimingFiguresAreCopied() {
        JobRun run = run(JobRunState.SUCCESS)
                .totalExecutionDurationSeconds(287)
                .billedResourceUtilization(ResourceUtilization.builder().vcpuHour(1.25).memoryGBHour(5.0).storageGBHour(25.5).build())
                .totalResourceUtilization(TotalResourceUtilization.builder().vcpuHour(0.9).memoryGBHour(3.6).storageGBHour(18.0).build())
                .startedAt(Instant.parse("2026-11-20T10:00:30Z"))
                .endedAt(Instant.parse("2026-11-20T10:05:17Z"))
                .build();

        JsonNode jobRun = outcomes.outcome(run, EXECUTION_ARN).path("jobRun");

        assertEquals(287, jobRun.path("totalExecutionDurationSeconds").asInt());
        assertEquals(1.25, jobRun.path("billedResourceUtilization").path("vCPUHour").asDouble());
        assertEquals(5.0, jobRun.path("billedResourceUtilization").path("memoryGBHour").asDouble());
        assertEquals(25.5, jobRun.path("billedResourceUtilization").path("storageGBHour").asDouble());
        assertEquals(0.9, jobRun.path("totalResourceUtilization").path("vCPUHour").asDouble());
        assertEquals("2026-11-20T10:05:17Z", jobRun.path("endedAt").asText());
        assertEquals("emr-7.9.0", jobRun.path("releaseLabel").asText());
    }

    @Test
    void linksLeadToTheConsoleTheExecutionAndCloudWatchWhenEnabled() {
        JobRun run = run(JobRunState.RUNNING).configurationOverrides(overrides("s3://job-bucket/logs",
                CloudWatchLoggingConfiguration.builder().enabled(true).build())).build();

        JsonNode links = outcomes.outcome(run, EXECUTION_ARN).path("links");

        assertEquals("https://eu-west-1.console.aws.amazon.com/emr/home?region=eu-west-1"
                + "#/serverless/applications/00fq2rhm4nqa3l09/job-runs/00fq2rk3l7gs0b09", links.path("emrConsole").asText());
        assertEquals("s3://job-bucket/logs/applications/00fq2rhm4nqa3l09/jobs/00fq2rk3l7gs0b09/SPARK_DRIVER/",
                links.path("driverLogsS3").asText(), "a log URI without a trailing slash still gives the S3 layout");
        assertTrue(links.path("cloudWatchLogs").asText().endsWith("log-group/%2Faws%2Femr-serverless"), links.toString());
        assertTrue(links.path("stepFunctionsExecution").asText().endsWith(EXECUTION_ARN), links.toString());
    }

    @Test
    void objectLinksUseTheConfiguredBaseInsteadOfTheConsole() {
        JobRunOutcomes local = new JobRunOutcomes(new Links("eu-west-1", Optional.of("http://localhost:4566/_objects")));

        JsonNode links = local.outcome(run(JobRunState.FAILED).build(), EXECUTION_ARN).path("links");

        assertEquals("http://localhost:4566/_objects/job-bucket/logs/applications/00fq2rhm4nqa3l09/jobs/00fq2rk3l7gs0b09"
                + "/SPARK_DRIVER/stderr.gz", links.path("driverStderr").asText());
    }

    @Test
    void withoutALogUriThereIsNoDriverLogToPointAt() {
        JobRun run = run(JobRunState.FAILED).configurationOverrides((ConfigurationOverrides) null).build();

        ObjectNode outcome = outcomes.outcome(run, EXECUTION_ARN);

        assertFalse(outcome.path("links").has("driverStderr"), outcome.toString());
        assertFalse(outcome.path("cause").asText().contains("Driver stderr"), outcome.toString());
        assertFalse(outcome.path("links").has("cloudWatchLogs"), "CloudWatch logging is off unless enabled");
    }

    private static JobRun.Builder run(JobRunState state) {
        return JobRun.builder()
                .applicationId("00fq2rhm4nqa3l09")
                .jobRunId("00fq2rk3l7gs0b09")
                .name("wordcount:exec-0001")
                .arn("arn:aws:emr-serverless:eu-west-1:111122223333:/applications/00fq2rhm4nqa3l09/jobruns/00fq2rk3l7gs0b09")
                .releaseLabel("emr-7.9.0")
                .state(state)
                .createdAt(Instant.parse("2026-11-20T10:00:00Z"))
                .updatedAt(Instant.parse("2026-11-20T10:05:17Z"))
                .configurationOverrides(overrides("s3://job-bucket/logs/", null));
    }

    private static ConfigurationOverrides overrides(String logUri, CloudWatchLoggingConfiguration cloudWatch) {
        return ConfigurationOverrides.builder().monitoringConfiguration(MonitoringConfiguration.builder()
                .s3MonitoringConfiguration(S3MonitoringConfiguration.builder().logUri(logUri).build())
                .cloudWatchLoggingConfiguration(cloudWatch)
                .build()).build();
    }
}
