package io.emrpipeline.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.emrpipeline.core.JobRunCompletion.Action;
import io.emrpipeline.core.fakes.FakePipeline;
import io.emrpipeline.core.fakes.Fixtures;
import io.emrpipeline.core.fakes.SdkFailures;
import io.emrpipeline.errors.ExecutionStopped;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.emrserverless.model.ApplicationState;
import software.amazon.awssdk.services.emrserverless.model.JobRun;
import software.amazon.awssdk.services.emrserverless.model.JobRunState;

/**
 * A stop (CancelOnAbort, or the machine's own failure path) at any moment of the submit — before,
 * during or after StartJobRun — ends with the job cancelled or never started, and a cancelled
 * run's end is still told with its cost.
 */
class StopAtAnyMomentTest {

    private static final String APP = "00fq2rhm4nqa3l09";
    private static final ExecutionRef EXECUTION = new ExecutionRef(
            "arn:aws:states:eu-west-1:111122223333:execution:emr-pipeline:exec-0001", "exec-0001");

    private final FakePipeline pipeline = new FakePipeline();

    StopAtAnyMomentTest() {
        pipeline.emr().withApplication(APP, "analytics", ApplicationState.STARTED);
    }

    @Test
    void aStopBeforeTheSubmitMeansNoJobEverStarts() {
        assertEquals(List.of(), pipeline.canceller().cancelFor(EXECUTION.name()));

        assertThrows(ExecutionStopped.class, () -> pipeline.submitter().submit(request(), EXECUTION));

        assertEquals(0, pipeline.emr().calls("StartJobRun"));
        assertEquals(List.of(), pipeline.emr().jobRuns());
    }

    @Test
    void aStopWhileStartJobRunIsInFlightCancelsTheJobItStarted() {
        pipeline.emr().duringNextStartJobRun(() -> pipeline.canceller().cancelFor(EXECUTION.name()));

        assertThrows(ExecutionStopped.class, () -> pipeline.submitter().submit(request(), EXECUTION));

        JobRun run = onlyRun();
        assertEquals(JobRunState.CANCELLING, run.state(), "the submit saw the stop and cancelled what it started");
    }

    @Test
    void aStopAfterTheSubmitCancelsTheRecordedRun() {
        String jobRunId = pipeline.submitter().submit(request(), EXECUTION).path("jobRunId").asText();

        assertEquals(List.of(jobRunId), pipeline.canceller().cancelFor(EXECUTION.name()));

        assertEquals(JobRunState.CANCELLING, pipeline.emr().jobRun(APP, jobRunId).state());
    }

    @Test
    void aStopAfterStartJobRunWhoseAnswerWasLostFindsTheRunByName() {
        pipeline.emr().failAfterNext("StartJobRun", SdkFailures.serverError());
        assertThrows(RuntimeException.class, () -> pipeline.submitter().submit(request(), EXECUTION));

        pipeline.canceller().cancelFor(EXECUTION.name());

        assertEquals(JobRunState.CANCELLING, onlyRun().state());
    }

    @Test
    void aCancelledRunsEndIsToldOnceWithItsCostThoughNoExecutionWaitsForIt() {
        String jobRunId = pipeline.submitter().submit(request(), EXECUTION).path("jobRunId").asText();
        pipeline.canceller().cancelFor(EXECUTION.name());
        pipeline.emr().moveTo(APP, jobRunId, JobRunState.CANCELLED, "Job run cancelled by user");
        JobRunKey run = new JobRunKey(APP, jobRunId);

        assertEquals(Action.ENDED_WITHOUT_WAIT, pipeline.completion().onStateChange(run, "CANCELLED"));
        assertEquals(Action.NO_CALLBACK, pipeline.completion().onStateChange(run, "CANCELLED"), "a duplicate event");

        assertEquals(List.of("Job Run Submitted", "Job Run Cancelled"), pipeline.events().detailTypes());
        JsonNode detail = pipeline.events().published().get(1).detail();
        assertEquals(EXECUTION.arn(), detail.path("executionArn").asText());
        assertTrue(detail.has("billedResourceUtilization"), detail.toString());
    }

    private JobRun onlyRun() {
        List<JobRun> runs = pipeline.emr().jobRuns();
        assertEquals(1, runs.size(), "exactly one job run was created: " + runs);
        return runs.get(0);
    }

    private static JsonNode request() {
        return Fixtures.event("state-machine/submit-job-run.json").get("request");
    }
}
