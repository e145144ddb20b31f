package io.emrpipeline.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.emrpipeline.local.LocalPipeline;
import io.emrpipeline.local.emr.JobPlan;
import io.emrpipeline.local.emr.JobRunOperation;
import io.emrpipeline.local.emr.JobRunState;
import io.emrpipeline.local.emr.JobRunView;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/** No job outlives its execution, and no retry starts a second job. */
@ExtendWith(LocalPipelineExtension.class)
class CancellationIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    @Test
    void stoppingTheExecutionCancelsTheRunningJob(LocalPipeline pipeline) throws Exception {
        String applicationId = pipeline.createApplication("analytics");
        pipeline.gateway().simulatedJobs().planNext(JobPlan.runUntilCancelled());

        String executionArn = pipeline.startExecution("stopped", JobRequests.scriptJob(applicationId).toString());
        Scenarios.awaitJobRunState(pipeline, JobRunState.RUNNING);
        pipeline.sfn().stopExecution(r -> r.executionArn(executionArn).error("UserAborted").cause("test"));

        JobRunView run = Scenarios.awaitJobRunState(pipeline, JobRunState.CANCELLED);
        assertEquals(ExecutionStatus.ABORTED, pipeline.awaitExecution(executionArn, TIMEOUT).status());
        Scenarios.awaitQuiet(pipeline);
        assertEquals(1, pipeline.gateway().lambdas().log().count(LocalPipeline.CANCEL));
        assertEquals(applicationId, run.applicationId());
    }

    @Test
    void aTimedOutExecutionCancelsItsJob(LocalPipeline pipeline) throws Exception {
        String applicationId = pipeline.createApplication("analytics");
        pipeline.gateway().simulatedJobs().planNext(JobPlan.runUntilCancelled());

        String executionArn = pipeline.startExecution("timed-out", JobRequests.scriptJob(applicationId).toString());
        Scenarios.awaitJobRunState(pipeline, JobRunState.RUNNING);
        // moto never times an execution out itself; publish the event Step Functions would.
        pipeline.gateway().publishExecutionTimedOut(executionArn);

        Scenarios.awaitJobRunState(pipeline, JobRunState.CANCELLED);
        Scenarios.awaitQuiet(pipeline);
        assertEquals(1, pipeline.gateway().lambdas().log().count(LocalPipeline.CANCEL));
        pipeline.sfn().stopExecution(r -> r.executionArn(executionArn));
    }

    @Test
    void throttledSubmitsAreRetriedIntoExactlyOneJob(LocalPipeline pipeline) throws Exception {
        String applicationId = pipeline.createApplication("analytics");
        // More throttles than the SDK's own retries absorb: the state machine's Retry must act.
        pipeline.gateway().jobRuns().faults().throttleNext(JobRunOperation.START_JOB_RUN, 4);

        String executionArn = pipeline.startExecution("throttled", JobRequests.scriptJob(applicationId).toString());
        DescribeExecutionResponse execution = pipeline.awaitExecution(executionArn, TIMEOUT);

        assertEquals(ExecutionStatus.SUCCEEDED, execution.status(), () -> Scenarios.describe(execution));
        assertTrue(pipeline.gateway().lambdas().log().count(LocalPipeline.SUBMIT) >= 2, "the submit state was retried");
        assertEquals(5, pipeline.gateway().jobRuns().faults().callCount(JobRunOperation.START_JOB_RUN));
        assertEquals(1, pipeline.gateway().jobRuns().jobRuns().size(), "exactly one job run");
    }

    @Test
    void aCrashAfterStartJobRunIsRetriedIntoTheSameJob(LocalPipeline pipeline) throws Exception {
        String applicationId = pipeline.createApplication("analytics");
        pipeline.gateway().lambdas().crashAfterNextInvocation(LocalPipeline.SUBMIT);

        String executionArn = pipeline.startExecution("crash", JobRequests.scriptJob(applicationId).toString());
        DescribeExecutionResponse execution = pipeline.awaitExecution(executionArn, TIMEOUT);

        assertEquals(ExecutionStatus.SUCCEEDED, execution.status(), () -> Scenarios.describe(execution));
        assertEquals(2, pipeline.gateway().lambdas().log().count(LocalPipeline.SUBMIT));
        assertEquals(2, pipeline.gateway().jobRuns().faults().callCount(JobRunOperation.START_JOB_RUN));
        assertEquals(1, pipeline.gateway().jobRuns().jobRuns().size(), "the clientToken made the retry find the same job");
    }

    @Test
    void aSubmitThatKeepsFailingAfterStartJobRunCancelsTheJobItStarted(LocalPipeline pipeline) throws Exception {
        String applicationId = pipeline.createApplication("analytics");
        pipeline.gateway().simulatedJobs().planNext(JobPlan.runUntilCancelled());
        pipeline.gateway().lambdas().crashAfterNextInvocations(LocalPipeline.SUBMIT, 7);

        Instant started = Instant.now();
        String executionArn = pipeline.startExecution("keeps-crashing", JobRequests.scriptJob(applicationId).toString());
        DescribeExecutionResponse execution = pipeline.awaitExecution(executionArn, Duration.ofMinutes(4));

        assertEquals("SubmitFailed", execution.error(), () -> Scenarios.describe(execution));
        JobRunView run = Scenarios.awaitJobRunState(pipeline, JobRunState.CANCELLED);
        assertEquals(applicationId, run.applicationId());
        assertTrue(Duration.between(started, Instant.now()).toSeconds() < 240);
    }
}
