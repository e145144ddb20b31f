package io.emrpipeline.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.emrpipeline.local.LocalPipeline;
import io.emrpipeline.local.emr.JobPlan;
import io.emrpipeline.local.emr.JobRunOperation;
import io.emrpipeline.local.emr.JobRunState;
import io.emrpipeline.local.emr.JobRunView;
import io.emrpipeline.local.events.PublishedEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Stopping an execution at any moment of its submit — before StartJobRun, while EMR has created the
 * run but not answered yet, after it answered — leaves no job running, and every run that was
 * created tells its cancelled end once.
 */
@ExtendWith(LocalPipelineExtension.class)
class StopDuringSubmitIT {

    /** StartJobRun creates the run at once and answers this much later: the stop lands inside. */
    private static final Duration START_ANSWER_DELAY = Duration.ofMillis(600);
    private static final int EXECUTIONS = 8;
    private static final Duration STOP_STEP = Duration.ofMillis(120);

    @Test
    void aStopAtAnyMomentOfTheSubmitLeavesNoJobRunning(LocalPipeline pipeline) throws Exception {
        String applicationId = pipeline.createApplication("analytics");
        pipeline.gateway().simulatedJobs().setDefaultPlan(JobPlan.runUntilCancelled());
        pipeline.gateway().jobRuns().faults().delayAnswers(JobRunOperation.START_JOB_RUN, START_ANSWER_DELAY);

        List<String> executions = new ArrayList<>();
        for (int i = 0; i < EXECUTIONS; i++) {
            String arn = pipeline.startExecution("stop-" + i, JobRequests.scriptJob(applicationId).toString());
            Thread.sleep(STOP_STEP.multipliedBy(i).toMillis());
            pipeline.sfn().stopExecution(r -> r.executionArn(arn).error("UserAborted"));
            executions.add(arn);
        }

        List<JobRunView> runs = awaitAllEnded(pipeline, Duration.ofSeconds(90));
        Scenarios.awaitQuiet(pipeline);
        assertTrue(runs.size() <= EXECUTIONS, "at most one job per execution: " + runs);
        runs.forEach(run -> assertEquals(JobRunState.CANCELLED, run.state(), run.toString()));
        Set<String> told = pipeline.gateway().events().publishedEvents().stream()
                .filter(event -> "Job Run Cancelled".equals(event.detailType()))
                .map(PublishedEvent::detail).map(detail -> detail.path("jobRunId").asText())
                .collect(Collectors.toSet());
        Set<String> created = runs.stream().map(JobRunView::jobRunId).collect(Collectors.toSet());
        assertEquals(created, told, "each cancelled run's end is told");
        assertEquals(created.size(), pipeline.gateway().events().publishedEvents().stream()
                .filter(event -> "Job Run Cancelled".equals(event.detailType())).count(), "and told once");
    }

    /**
     * Waits until no submit is running or about to run (none for two seconds) and no job run is
     * active: a stopped execution must leave none running.
     */
    private static List<JobRunView> awaitAllEnded(LocalPipeline pipeline, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        Instant quietSince = Instant.now();
        while (true) {
            List<JobRunView> runs = pipeline.gateway().jobRuns().jobRuns();
            boolean settled = pipeline.gateway().lambdas().inFlight(LocalPipeline.SUBMIT) == 0
                    && runs.stream().allMatch(run -> run.state().isTerminal());
            if (!settled) {
                quietSince = Instant.now();
            } else if (Duration.between(quietSince, Instant.now()).toSeconds() >= 2) {
                return runs;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("job runs still active after " + timeout + ": " + runs);
            }
            Thread.sleep(200);
        }
    }
}
