package io.emrpipeline.local.spark;

import com.fasterxml.jackson.databind.JsonNode;
import io.emrpipeline.local.LocalPipeline;
import io.emrpipeline.local.emr.JobRunEvents;
import io.emrpipeline.local.emr.JobRunView;
import io.emrpipeline.local.events.PublishedEvent;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * Follows one execution to its end, printing a line for each state its job run goes through:
 * the "EMR Serverless Job Run State Change" events the gateway published, read from its event
 * log, so no state is missed however fast it passes and watching costs no API calls.
 */
public final class ExecutionProgress {

    private static final Duration POLL = Duration.ofMillis(200);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss.S");

    private final LocalPipeline pipeline;
    private final PrintStream out;
    private int shownEvents;
    private JobRunView jobRun;

    public ExecutionProgress(LocalPipeline pipeline, PrintStream out) {
        this.pipeline = pipeline;
        this.out = out;
    }

    /** @return the execution once it is no longer RUNNING */
    public DescribeExecutionResponse follow(String executionArn, String executionName, Duration timeout)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            DescribeExecutionResponse execution = pipeline.sfn().describeExecution(r -> r.executionArn(executionArn));
            // Read after the execution status, so the job's terminal state is printed before the result.
            showJobRun(executionName);
            if (execution.status() != ExecutionStatus.RUNNING) {
                return execution;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the execution was still running after " + timeout.toMinutes()
                        + " minutes; stopped waiting");
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    /** The execution's job run as last seen, if one was started. */
    public Optional<JobRunView> jobRun() {
        return Optional.ofNullable(jobRun);
    }

    private void showJobRun(String executionName) {
        // The pipeline names each job run "<request name>:<execution name>".
        String suffix = ":" + executionName;
        List<PublishedEvent> events = pipeline.gateway().events().publishedEvents();
        shownEvents = Math.min(shownEvents, events.size());
        for (PublishedEvent event : events.subList(shownEvents, events.size())) {
            JsonNode detail = event.detail();
            if (JobRunEvents.DETAIL_TYPE.equals(event.detailType()) && detail.path("jobRunName").asText().endsWith(suffix)) {
                Instant at = Instant.parse(detail.path("updatedAt").asText());
                out.println("  " + CLOCK.format(at.atZone(ZoneId.systemDefault())) + "  " + detail.path("state").asText());
            }
        }
        shownEvents = events.size();
        pipeline.gateway().jobRuns().jobRuns().stream()
                .filter(run -> run.name() != null && run.name().endsWith(suffix))
                .reduce((first, second) -> second)
                .ifPresent(run -> jobRun = run);
    }
}
