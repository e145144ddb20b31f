package io.emrpipeline.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import io.emrpipeline.core.fakes.FakePipeline;
import io.emrpipeline.core.fakes.Fixtures;
import io.emrpipeline.core.fakes.SdkFailures;
import io.emrpipeline.errors.EmrThrottled;
import io.emrpipeline.errors.TransientAwsError;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.emrserverless.model.ApplicationState;
import software.amazon.awssdk.services.emrserverless.model.JobRunState;

class JobRunCancellerTest {

    private static final String APP = "00fq2rhm4nqa3l09";
    private static final ExecutionRef EXECUTION = new ExecutionRef(
            "arn:aws:states:eu-west-1:111122223333:execution:emr-pipeline:exec-0001", "exec-0001");

    private final FakePipeline pipeline = new FakePipeline();

    JobRunCancellerTest() {
        pipeline.emr().withApplication(APP, "analytics", ApplicationState.STARTED);
    }

    @Test
    void cancelsTheRunTheExecutionsRecordNames() {
        String jobRunId = submit();

        assertEquals(List.of(jobRunId), pipeline.canceller().cancelFor("exec-0001"));

        assertEquals(List.of(jobRunId), pipeline.emr().cancelRequests());
        assertEquals(JobRunState.CANCELLING, pipeline.emr().jobRun(APP, jobRunId).state());
    }

    @Test
    void anExecutionThatNeverSubmittedCancelsNothingAndIsNoError() {
        pipeline.emr().withJobRun(APP, "00fother00000001", "other:exec-0009", JobRunState.RUNNING);

        assertEquals(List.of(), pipeline.canceller().cancelFor("exec-0001"));

        assertEquals(List.of(), pipeline.emr().cancelRequests());
    }

    @Test
    void aRunThatAlreadyEndedIsNotAnError() {
        String jobRunId = submit();
        pipeline.emr().moveTo(APP, jobRunId, JobRunState.SUCCESS, null);

        assertEquals(List.of(), pipeline.canceller().cancelFor("exec-0001"));

        assertEquals(JobRunState.SUCCESS, pipeline.emr().jobRun(APP, jobRunId).state());
    }

    @Test
    void findsByNameARunWhoseStartWasNeverAnswered() {
        // Other executions' runs fill more than one ListJobRuns page around ours.
        pipeline.emr().withJobRun(APP, "00fother00000001", "wordcount:exec-0002", JobRunState.RUNNING)
                .withJobRun(APP, "00fother00000002", "wordcount:exec-0003", JobRunState.PENDING);
        pipeline.emr().failAfterNext("StartJobRun", SdkFailures.connectionReset());
        assertThrows(TransientAwsError.class, () -> pipeline.submitter().submit(request(), EXECUTION));
        pipeline.emr().withJobRun(APP, "00fother00000003", "wordcount:exec-0004", JobRunState.SUBMITTED);
        String ours = pipeline.emr().jobRuns().stream()
                .filter(run -> run.name().equals("wordcount:exec-0001")).findFirst().orElseThrow().jobRunId();

        assertEquals(List.of(ours), pipeline.canceller().cancelFor("exec-0001"));

        assertEquals(List.of(ours), pipeline.emr().cancelRequests(), "no other execution's run is touched");
    }

    @Test
    void aStartThatNeverHappenedLeavesNothingToCancel() {
        pipeline.emr().failNext("StartJobRun", SdkFailures.throttling());
        assertThrows(EmrThrottled.class, () -> pipeline.submitter().submit(request(), EXECUTION));

        assertEquals(List.of(), pipeline.canceller().cancelFor("exec-0001"));
    }

    @Test
    void aThrottledCancelIsEmrThrottledSoTheStateMachineRetries() {
        String jobRunId = submit();
        pipeline.emr().failNext("CancelJobRun", SdkFailures.throttling());

        assertThrows(EmrThrottled.class, () -> pipeline.canceller().cancelFor("exec-0001"));
        assertEquals(List.of(jobRunId), pipeline.canceller().cancelFor("exec-0001"), "the retry cancels");
    }

    private String submit() {
        return pipeline.submitter().submit(request(), EXECUTION).path("jobRunId").asText();
    }

    private static JsonNode request() {
        return Fixtures.event("state-machine/submit-job-run.json").get("request");
    }
}
