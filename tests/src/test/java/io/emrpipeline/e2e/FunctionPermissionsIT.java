package io.emrpipeline.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.emrpipeline.e2e.iam.IamCheck;
import io.emrpipeline.local.LocalPipeline;
import io.emrpipeline.local.emr.JobPlan;
import io.emrpipeline.local.emr.JobRunState;
import io.emrpipeline.local.emr.JobRunView;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SortedSet;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * Every AWS call each function makes while executions succeed, fail, are swept after lost events
 * and are cancelled is allowed by that function's own IAM policy in the synthesized
 * template. Each phase waits for what makes its calls certain (a stored token, a reconcile), so
 * the calls seen do not depend on how fast the functions start.
 */
@ExtendWith(LocalPipelineExtension.class)
class FunctionPermissionsIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** Calls without which these executions would not have exercised each function's permissions. */
    private static final List<String> EXPECTED = List.of(
            "SubmitJobRun emr-serverless:GetApplication", "SubmitJobRun emr-serverless:StartJobRun",
            "SubmitJobRun emr-serverless:TagResource", "SubmitJobRun iam:PassRole", "SubmitJobRun s3:PutObject",
            "AwaitJobRun s3:PutObject", "AwaitJobRun emr-serverless:GetJobRun",
            "ReconcileSweep s3:ListBucket", "ReconcileSweep emr-serverless:ListJobRuns",
            "ReconcileSweep emr-serverless:GetJobRun", "ReconcileSweep s3:PutObject",
            "JobStateChange s3:GetObject", "JobStateChange emr-serverless:GetJobRun", "JobStateChange states:SendTaskSuccess",
            "CancelJobRun s3:GetObject", "CancelJobRun emr-serverless:CancelJobRun");

    @Test
    void everyCallOfSucceededFailedSweptAndCancelledExecutionsIsAllowed(LocalPipeline pipeline) throws Exception {
        // Lost events: the deployment's sweep lists the active runs, then finds this one ended (cancelled).
        String applicationId = pipeline.createApplication("analytics");
        pipeline.sweeps().setInterval(Duration.ofSeconds(2));
        pipeline.gateway().events().setDropEmrTerminalEvents(true);
        pipeline.gateway().simulatedJobs().planNext(JobPlan.runUntilCancelled());
        String swept = start(pipeline, "iam-swept", applicationId);
        JobRunView run = awaitRun(pipeline, JobRunState.RUNNING);
        await("the stored task token", () -> pipeline.s3().listObjectsV2(r -> r.bucket(LocalPipeline.BUCKET)
                .prefix("callbacks/")).keyCount() > 0);
        pipeline.emr().cancelJobRun(r -> r.applicationId(applicationId).jobRunId(run.jobRunId()));
        assertEnds(pipeline, swept, ExecutionStatus.FAILED);

        // Events delivered: JobStateChange completes each wait.
        pipeline.reset();
        String application = pipeline.createApplication("analytics");
        pipeline.gateway().simulatedJobs().planNext(JobPlan.succeedAfter(Duration.ofMillis(300)));
        assertEnds(pipeline, start(pipeline, "iam-success", application), ExecutionStatus.SUCCEEDED);
        pipeline.gateway().simulatedJobs().planNext(JobPlan.failAfter(Duration.ofMillis(300), "ZeroDivisionError"));
        assertEnds(pipeline, start(pipeline, "iam-failure", application), ExecutionStatus.FAILED);

        // Step Functions' TIMED_OUT event: CancelJobRun cancels the job once AwaitJobRun stored its token.
        pipeline.gateway().simulatedJobs().planNext(JobPlan.runUntilCancelled());
        String timedOut = start(pipeline, "iam-timed-out", application);
        awaitRun(pipeline, JobRunState.RUNNING);
        await("the stored task token", () -> pipeline.s3().listObjectsV2(r -> r.bucket(LocalPipeline.BUCKET)
                .prefix("callbacks/")).keyCount() > 0);
        pipeline.gateway().publishExecutionTimedOut(timedOut);
        assertEnds(pipeline, timedOut, ExecutionStatus.FAILED);
        Scenarios.awaitQuiet(pipeline);

        IamCheck.Report report = IamCheck.evaluate(pipeline.gateway().calls().drain());
        System.out.printf("IAM check: %d distinct calls evaluated in %d ms; functions and actions seen: %s%n",
                report.verdicts().size(), report.evaluation().toMillis(), report.functionActions());
        report.assertAllowed();
        SortedSet<String> seen = report.functionActions();
        assertTrue(seen.containsAll(EXPECTED), () -> "not seen: " + EXPECTED.stream().filter(call -> !seen.contains(call)).toList());
    }

    private static String start(LocalPipeline pipeline, String name, String applicationId) {
        return pipeline.startExecution(name, JobRequests.scriptJob(applicationId).toString());
    }

    private static void assertEnds(LocalPipeline pipeline, String executionArn, ExecutionStatus status) throws InterruptedException {
        DescribeExecutionResponse execution = pipeline.awaitExecution(executionArn, TIMEOUT);
        assertEquals(status, execution.status(), () -> Scenarios.describe(execution));
    }

    /** The one job run in {@code state} (the others ended before). */
    private static JobRunView awaitRun(LocalPipeline pipeline, JobRunState state) throws InterruptedException {
        await("a job run " + state, () -> pipeline.gateway().jobRuns().jobRuns().stream().anyMatch(run -> run.state() == state));
        return pipeline.gateway().jobRuns().jobRuns().stream().filter(run -> run.state() == state).findFirst().orElseThrow();
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(TIMEOUT);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("no " + what + " after " + TIMEOUT);
            }
            Thread.sleep(50);
        }
    }
}
