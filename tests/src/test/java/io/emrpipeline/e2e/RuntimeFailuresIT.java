package io.emrpipeline.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.emrpipeline.contract.Contract;
import io.emrpipeline.core.Json;
import io.emrpipeline.local.LocalPipeline;
import io.emrpipeline.local.emr.JobPlan;
import io.emrpipeline.local.emr.JobRunState;
import io.emrpipeline.local.emr.JobRunView;
import io.emrpipeline.local.lambda.Invocation;
import io.emrpipeline.local.lambda.runtime.EnvironmentPool;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * The state machine's Retry and Catch against the failures Lambda's Java runtime really produces:
 * a function past its timeout ({@code Sandbox.Timedout}, the JVM killed by the runtime interface
 * emulator) and a runtime that dies ({@code Runtime.ExitError}). Whatever fails, no job outlives
 * its execution and no retry starts a second job.
 */
@ExtendWith(LocalPipelineExtension.class)
class RuntimeFailuresIT {

    /** Long enough for a cold start and a submit on a busy machine, short enough to wait for seven times. */
    private static final Duration SHORT_TIMEOUT = Duration.ofSeconds(6);
    /** A StartJobRun answer held this long reaches its caller after the short timeout, before the SDK's read timeout. */
    private static final Duration PAST_THE_TIMEOUT = SHORT_TIMEOUT.plusSeconds(20);

    @Test
    void aSubmitPastItsTimeoutIsRetriedIntoTheJobItStarted(LocalPipeline pipeline) throws Exception {
        String applicationId = pipeline.createApplication("analytics");
        try (SlowStartJobRun emr = SlowStartJobRun.inFrontOf(pipeline.gateway().endpoint())) {
            Redeployment.through(pipeline, LocalPipeline.SUBMIT, emr.endpoint(), SHORT_TIMEOUT);
            emr.holdNextAnswers(1, PAST_THE_TIMEOUT);

            String executionArn = pipeline.startExecution("submit-timed-out", JobRequests.scriptJob(applicationId).toString());
            DescribeExecutionResponse execution = pipeline.awaitExecution(executionArn, Duration.ofMinutes(2));

            assertEquals(ExecutionStatus.SUCCEEDED, execution.status(), () -> Scenarios.describe(execution));
            List<Invocation> submits = pipeline.gateway().lambdas().log().of(LocalPipeline.SUBMIT);
            assertEquals("Sandbox.Timedout", submits.get(0).errorType(), submits.get(0)::responsePayload);
            assertTrue(submits.get(0).errorMessage().contains("Task timed out after 6.00 seconds"), submits.get(0)::errorMessage);
            assertTrue(submits.get(submits.size() - 1).succeeded(), "the Retry on Sandbox.Timedout submitted again");
            List<JobRunView> runs = pipeline.gateway().jobRuns().jobRuns();
            assertEquals(1, runs.size(), "the clientToken made the retry find the job the timed-out attempt started");
            assertEquals(runs.get(0).jobRunId(), Json.MAPPER.readTree(execution.output()).path("jobRun").path("jobRunId").asText());
        }
    }

    @Test
    void aSubmitThatKeepsTimingOutFailsAndCancelsTheJobItStarted(LocalPipeline pipeline) throws Exception {
        String applicationId = pipeline.createApplication("analytics");
        pipeline.gateway().simulatedJobs().planNext(JobPlan.runUntilCancelled());
        try (SlowStartJobRun emr = SlowStartJobRun.inFrontOf(pipeline.gateway().endpoint())) {
            Redeployment.through(pipeline, LocalPipeline.SUBMIT, emr.endpoint(), SHORT_TIMEOUT);
            emr.holdNextAnswers(Integer.MAX_VALUE, PAST_THE_TIMEOUT);

            String executionArn = pipeline.startExecution("submit-times-out", JobRequests.scriptJob(applicationId).toString());
            // Seven timeouts and up to two minutes of jittered backoff between them.
            DescribeExecutionResponse execution = pipeline.awaitExecution(executionArn, Duration.ofMinutes(5));

            assertEquals("SubmitFailed", execution.error(), () -> Scenarios.describe(execution));
            assertTrue(execution.cause().contains("Task timed out"), execution::cause);
            List<Invocation> submits = pipeline.gateway().lambdas().log().of(LocalPipeline.SUBMIT);
            assertEquals(1 + submitRetryAttempts("Sandbox.Timedout"), submits.size(), "every attempt the Retry allows");
            assertTrue(submits.stream().allMatch(submit -> "Sandbox.Timedout".equals(submit.errorType())), submits::toString);
            JobRunView run = Scenarios.awaitJobRunState(pipeline, JobRunState.CANCELLED);
            assertEquals(applicationId, run.applicationId());
            Scenarios.awaitQuiet(pipeline);
        }
    }

    @Test
    void aRuntimeKilledMidInvocationIsAnExitErrorAndTheRetryStartsAFreshOne(LocalPipeline pipeline) throws Exception {
        String applicationId = pipeline.createApplication("analytics");
        try (SlowStartJobRun emr = SlowStartJobRun.inFrontOf(pipeline.gateway().endpoint())) {
            EnvironmentPool submit = Redeployment.through(pipeline, LocalPipeline.SUBMIT, emr.endpoint());
            emr.holdNextAnswers(1, Duration.ofSeconds(20));

            String executionArn = pipeline.startExecution("submit-killed", JobRequests.scriptJob(applicationId).toString());
            emr.awaitHeldAnswer(Duration.ofSeconds(60));
            // The job run has started and the handler waits for StartJobRun's answer: its JVM dies now.
            assertEquals(1, submit.killRunningRuntimes(), "one runtime was mid-invocation");
            DescribeExecutionResponse execution = pipeline.awaitExecution(executionArn, Duration.ofMinutes(2));

            assertEquals(ExecutionStatus.SUCCEEDED, execution.status(), () -> Scenarios.describe(execution));
            List<Invocation> submits = pipeline.gateway().lambdas().log().of(LocalPipeline.SUBMIT);
            assertEquals(2, submits.size(), submits::toString);
            assertEquals("Runtime.ExitError", submits.get(0).errorType(), submits.get(0)::responsePayload);
            assertTrue(submits.get(0).errorMessage().contains("signal: killed"), submits.get(0)::errorMessage);
            assertTrue(submits.get(1).succeeded(), "the retry ran in a new runtime: " + submits.get(1).responsePayload());
            assertEquals(1, pipeline.gateway().jobRuns().jobRuns().size(), "exactly one job run");
        }
    }

    @Test
    void aRuntimeThatDiesWhileAwaitingFailsThePipelineAndItsJobIsCancelledThoughCancelDiesToo(LocalPipeline pipeline)
            throws Exception {
        String applicationId = pipeline.createApplication("analytics");
        pipeline.gateway().simulatedJobs().planNext(JobPlan.runUntilCancelled());
        pipeline.gateway().lambdas().crashAfterNextInvocation(LocalPipeline.AWAIT);
        pipeline.gateway().lambdas().crashAfterNextInvocation(LocalPipeline.CANCEL);

        String executionArn = pipeline.startExecution("await-died", JobRequests.scriptJob(applicationId).toString());
        DescribeExecutionResponse execution = pipeline.awaitExecution(executionArn, Duration.ofMinutes(2));

        // AwaitJobRun has no Retry (a retried callback task reuses its token): the failure path cancels.
        assertEquals("PipelineFailed", execution.error(), () -> Scenarios.describe(execution));
        assertTrue(execution.cause().contains("Runtime.ExitError"), execution::cause);
        JobRunView run = Scenarios.awaitJobRunState(pipeline, JobRunState.CANCELLED);
        assertEquals(applicationId, run.applicationId());
        List<Invocation> cancels = pipeline.gateway().lambdas().log().of(LocalPipeline.CANCEL);
        assertEquals(2, cancels.size(), "the cancel state retried the cancel whose runtime died: " + cancels);
        assertEquals("Runtime.ExitError", cancels.get(0).errorType());
        assertTrue(cancels.get(1).succeeded(), "cancelling a job already cancelled is no error: " + cancels.get(1).responsePayload());
        Scenarios.awaitQuiet(pipeline);
    }

    /** MaxAttempts of SubmitJobRun's Retry that lists {@code error}, from the ASL file. */
    private static int submitRetryAttempts(String error) throws Exception {
        JsonNode retries = Json.MAPPER.readTree(Contract.get().stateMachineDefinition()).path("States").path("SubmitJobRun").path("Retry");
        for (JsonNode retry : retries) {
            for (JsonNode listed : retry.path("ErrorEquals")) {
                if (listed.asText().equals(error)) {
                    return retry.path("MaxAttempts").asInt();
                }
            }
        }
        throw new AssertionError("SubmitJobRun's Retry does not list " + error);
    }
}
