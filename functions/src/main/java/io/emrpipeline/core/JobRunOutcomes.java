package io.emrpipeline.core;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.emrpipeline.contract.Contract;
import java.time.Instant;
import software.amazon.awssdk.services.emrserverless.model.JobRun;
import software.amazon.awssdk.services.emrserverless.model.JobRunMode;
import software.amazon.awssdk.services.emrserverless.model.JobRunState;
import software.amazon.awssdk.services.emrserverless.model.ResourceUtilization;
import software.amazon.awssdk.services.emrserverless.model.TotalResourceUtilization;

/**
 * Turns a GetJobRun answer into the outcome the state machine branches on:
 * {@code {status, jobRun, links, cause}} with status SUCCEEDED, FAILED, CANCELLED or RUNNING.
 * Both the event path and the reconcile path produce it, so both end the same way.
 */
public final class JobRunOutcomes {

    private final Links links;

    public JobRunOutcomes(Links links) {
        this.links = links;
    }

    public static boolean isTerminal(JobRunState state) {
        return state != null && Contract.get().isTerminal(state.toString());
    }

    public static boolean isTerminal(String state) {
        return Contract.get().isTerminal(state);
    }

    public ObjectNode outcome(JobRun run, String executionArn) {
        JobRunKey key = new JobRunKey(run.applicationId(), run.jobRunId());
        ObjectNode outcome = Json.object().put("status", status(run.state()));
        outcome.set("jobRun", describe(run));
        ObjectNode runLinks = links.forJobRun(key, attempt(run), logUri(run), cloudWatchLogGroup(run), executionArn);
        outcome.set("links", runLinks);
        // Always present (null on success): the state machine selects it by path.
        outcome.putNull("cause");
        if (run.state() == JobRunState.FAILED || run.state() == JobRunState.CANCELLED) {
            String kind = run.mode() == JobRunMode.STREAMING ? "streaming job run " : "job run ";
            outcome.put("cause", "EMR Serverless " + kind + key + " (" + run.name() + ") ended " + run.state()
                    + ": " + (run.stateDetails() == null || run.stateDetails().isBlank() ? "no details given" : run.stateDetails())
                    + (runLinks.has("driverStderr") ? " Driver stderr: " + runLinks.get("driverStderr").asText() : ""));
        }
        return outcome;
    }

    private static String status(JobRunState state) {
        return switch (state) {
            case SUCCESS -> "SUCCEEDED";
            case FAILED -> "FAILED";
            case CANCELLED -> "CANCELLED";
            default -> "RUNNING";
        };
    }

    static ObjectNode describe(JobRun run) {
        ObjectNode json = Json.object()
                .put("applicationId", run.applicationId())
                .put("jobRunId", run.jobRunId())
                .put("name", run.name())
                .put("arn", run.arn())
                .put("state", run.stateAsString())
                .put("mode", run.mode() == null ? JobRequest.BATCH : run.modeAsString())
                .put("stateDetails", run.stateDetails())
                .put("releaseLabel", run.releaseLabel())
                .put("createdAt", time(run.createdAt()))
                .put("updatedAt", time(run.updatedAt()))
                .put("startedAt", time(run.startedAt()))
                .put("endedAt", time(run.endedAt()))
                .put("totalExecutionDurationSeconds", run.totalExecutionDurationSeconds())
                .put("attempt", attempt(run))
                .put("attemptCreatedAt", time(run.attemptCreatedAt()));
        json.set("billedResourceUtilization", billed(run.billedResourceUtilization()));
        json.set("totalResourceUtilization", total(run.totalResourceUtilization()));
        return json;
    }

    private static ObjectNode billed(ResourceUtilization utilization) {
        return utilization == null ? null
                : utilization(utilization.vcpuHour(), utilization.memoryGBHour(), utilization.storageGBHour());
    }

    private static ObjectNode total(TotalResourceUtilization utilization) {
        return utilization == null ? null
                : utilization(utilization.vcpuHour(), utilization.memoryGBHour(), utilization.storageGBHour());
    }

    /** The two SDK types share no interface; both become the same JSON. */
    private static ObjectNode utilization(Double vcpuHour, Double memoryGBHour, Double storageGBHour) {
        return Json.object().put("vCPUHour", vcpuHour).put("memoryGBHour", memoryGBHour)
                .put("storageGBHour", storageGBHour);
    }

    /** The attempt the run is on (1 without retries; EMR counts from 1). */
    static int attempt(JobRun run) {
        return run.attempt() == null ? 1 : run.attempt();
    }

    private static String time(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static String logUri(JobRun run) {
        if (run.configurationOverrides() == null || run.configurationOverrides().monitoringConfiguration() == null
                || run.configurationOverrides().monitoringConfiguration().s3MonitoringConfiguration() == null) {
            return null;
        }
        return run.configurationOverrides().monitoringConfiguration().s3MonitoringConfiguration().logUri();
    }

    private static String cloudWatchLogGroup(JobRun run) {
        if (run.configurationOverrides() == null || run.configurationOverrides().monitoringConfiguration() == null) {
            return null;
        }
        var cloudWatch = run.configurationOverrides().monitoringConfiguration().cloudWatchLoggingConfiguration();
        if (cloudWatch == null || !Boolean.TRUE.equals(cloudWatch.enabled())) {
            return null;
        }
        return cloudWatch.logGroupName() != null ? cloudWatch.logGroupName() : "/aws/emr-serverless";
    }
}
