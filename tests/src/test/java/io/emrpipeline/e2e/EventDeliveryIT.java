package io.emrpipeline.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.emrpipeline.local.LocalPipeline;
import io.emrpipeline.local.emr.JobPlan;
import io.emrpipeline.local.emr.JobRunState;
import io.emrpipeline.local.events.PublishedEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * EventBridge delivers EMR Serverless events best effort, at least once and unordered: each
 * scenario breaks delivery one way and checks the execution still ends right, exactly once.
 */
@ExtendWith(LocalPipelineExtension.class)
class EventDeliveryIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    /** A simulated job that outlasts SubmitJobRun and AwaitJobRun even when both cold-start on a busy machine. */
    private static final Duration RUNS_PAST_THE_AWAIT = Duration.ofSeconds(8);

    @Test
    void aJobThatEndsBeforeItsTokenIsStoredCompletesThroughAwait(LocalPipeline pipeline) throws Exception {
        String applicationId = pipeline.createApplication("analytics");
        // The whole lifecycle happens inside StartJobRun, events delivered before it answers:
        // JobStateChange runs while no token exists yet.
        pipeline.gateway().simulatedJobs().planNext(JobPlan.instantSuccess());

        String executionArn = pipeline.startExecution("instant", JobRequests.scriptJob(applicationId).toString());
        DescribeExecutionResponse execution = pipeline.awaitExecution(executionArn, TIMEOUT);

        assertEquals(ExecutionStatus.SUCCEEDED, execution.status(), () -> Scenarios.describe(execution));
        assertEquals(List.of("NO_CALLBACK"), Scenarios.actions(pipeline, LocalPipeline.STATE_CHANGE));
        assertEquals(List.of("COMPLETED"), Scenarios.actions(pipeline, LocalPipeline.AWAIT));
    }

    @Test
    void everyEventDeliveredTwiceCompletesOnce(LocalPipeline pipeline) throws Exception {
        String applicationId = pipeline.createApplication("analytics");
        pipeline.gateway().events().setDeliverEveryEventTwice(true);
        pipeline.gateway().simulatedJobs().planNext(JobPlan.succeedAfter(Duration.ofMillis(800)));

        String executionArn = pipeline.startExecution("twice", JobRequests.scriptJob(applicationId).toString());
        DescribeExecutionResponse execution = pipeline.awaitExecution(executionArn, TIMEOUT);
        Scenarios.awaitQuiet(pipeline);

        assertEquals(ExecutionStatus.SUCCEEDED, execution.status(), () -> Scenarios.describe(execution));
        List<String> actions = Scenarios.actions(pipeline, LocalPipeline.STATE_CHANGE);
        assertEquals(2, actions.size(), actions::toString);
        assertEquals(1, Collections.frequency(actions, "COMPLETED"), actions::toString);
        assertEquals(1, pipeline.gateway().jobRuns().jobRuns().size());
        long succeededEvents = pipeline.gateway().events().publishedEvents().stream()
                .filter(event -> "Job Run Succeeded".equals(event.detailType())).count();
        assertEquals(1, succeededEvents, "one domain event per job end, however often EMR's event arrives");
    }

    @Test
    void aStaleRunningEventAfterSuccessChangesNothing(LocalPipeline pipeline) throws Exception {
        String applicationId = pipeline.createApplication("analytics");
        pipeline.gateway().jobRuns().setEmitStaleRunningEventAfterTerminal(true);
        pipeline.gateway().simulatedJobs().planNext(JobPlan.succeedAfter(Duration.ofMillis(500)));

        String executionArn = pipeline.startExecution("stale", JobRequests.scriptJob(applicationId).toString());
        DescribeExecutionResponse execution = pipeline.awaitExecution(executionArn, TIMEOUT);
        Scenarios.awaitQuiet(pipeline);

        assertEquals(ExecutionStatus.SUCCEEDED, execution.status(), () -> Scenarios.describe(execution));
        List<PublishedEvent> emrEvents = pipeline.gateway().events().publishedEvents().stream()
                .filter(event -> "aws.emr-serverless".equals(event.source())).toList();
        PublishedEvent last = emrEvents.get(emrEvents.size() - 1);
        assertEquals("RUNNING", last.detail().path("state").asText(), "the stale event really came last");
        assertEquals(List.of("COMPLETED"), Scenarios.actions(pipeline, LocalPipeline.STATE_CHANGE),
                "only the terminal event reaches JobStateChange; the stale one is filtered by the rule");
        assertEquals("SUCCESS", pipeline.gateway().jobRuns().jobRuns().get(0).state().name());
        assertEquals("SUCCEEDED", io.emrpipeline.core.Json.MAPPER.readTree(execution.output()).path("status").asText());
    }

    @Test
    void aLostTerminalEventIsFoundByTheNextSweep(LocalPipeline pipeline) throws Exception {
        String applicationId = pipeline.createApplication("analytics");
        pipeline.sweeps().setInterval(Duration.ofSeconds(2));
        pipeline.gateway().events().setDropEmrTerminalEvents(true);
        // Long enough that AwaitJobRun stores its wait while the job still runs (cold start included).
        pipeline.gateway().simulatedJobs().planNext(JobPlan.succeedAfter(RUNS_PAST_THE_AWAIT));

        String executionArn = pipeline.startExecution("lost-event", JobRequests.scriptJob(applicationId).toString());
        DescribeExecutionResponse execution = pipeline.awaitExecution(executionArn, TIMEOUT);

        assertEquals(ExecutionStatus.SUCCEEDED, execution.status(), () -> Scenarios.describe(execution));
        assertEquals(List.of("STORED_WAITING"), Scenarios.actions(pipeline, LocalPipeline.AWAIT));
        assertEquals(0, Scenarios.actions(pipeline, LocalPipeline.STATE_CHANGE).size(), "no terminal event was delivered");
        assertEquals(0, pipeline.gateway().lambdas().log().count(LocalPipeline.RECONCILE), "no per-execution polling");
        // The sweep answers the execution first, then tells the end: wait for the event, then check it came once.
        Scenarios.awaitTrue(() -> succeededEvents(pipeline) >= 1, TIMEOUT);
        Scenarios.awaitQuiet(pipeline);
        assertEquals(1, succeededEvents(pipeline));
        assertTrue(pipeline.gateway().lambdas().log().count("ReconcileSweep") >= 1);
    }

    @Test
    void withoutTheSweepALostEventLeavesTheExecutionWaitingAndCostsNothing(LocalPipeline pipeline) throws Exception {
        String applicationId = pipeline.createApplication("analytics");
        pipeline.sweeps().setInterval(Duration.ZERO);
        pipeline.gateway().events().setDropEmrTerminalEvents(true);
        pipeline.gateway().simulatedJobs().planNext(JobPlan.succeedAfter(RUNS_PAST_THE_AWAIT));

        String executionArn = pipeline.startExecution("waits", JobRequests.scriptJob(applicationId).toString());
        Scenarios.awaitJobRunState(pipeline, JobRunState.SUCCESS);
        Thread.sleep(3000);
        assertEquals(List.of("STORED_WAITING"), Scenarios.actions(pipeline, LocalPipeline.AWAIT));

        assertEquals(ExecutionStatus.RUNNING, pipeline.sfn().describeExecution(r -> r.executionArn(executionArn)).status());
        assertEquals(1, pipeline.gateway().lambdas().log().count(LocalPipeline.AWAIT), "the wait is one invocation");
        pipeline.sweeps().sweepNow();
        assertEquals(ExecutionStatus.SUCCEEDED, pipeline.awaitExecution(executionArn, TIMEOUT).status(),
                "one sweep finds the lost end");
    }

    @Test
    void exactlyOnceHoldsWhenStepFunctionsWouldAcceptASecondAnswer(LocalPipeline pipeline) throws Exception {
        String applicationId = pipeline.createApplication("analytics");
        pipeline.gateway().answeredTaskTokens().refuseSecondAnswers(false);
        pipeline.gateway().events().setDeliverEveryEventTwice(true);
        int jobs = 6;
        for (int i = 0; i < jobs; i++) {
            pipeline.gateway().simulatedJobs().planNext(JobPlan.succeedAfter(Duration.ofMillis(400 + 100 * i)));
        }

        List<String> executions = new ArrayList<>();
        for (int i = 0; i < jobs; i++) {
            executions.add(pipeline.startExecution("lenient-" + i, JobRequests.scriptJob(applicationId).toString()));
        }
        for (String executionArn : executions) {
            assertEquals(ExecutionStatus.SUCCEEDED, pipeline.awaitExecution(executionArn, TIMEOUT).status());
        }
        Scenarios.awaitQuiet(pipeline);

        List<String> actions = new ArrayList<>(Scenarios.actions(pipeline, LocalPipeline.STATE_CHANGE));
        actions.addAll(Scenarios.actions(pipeline, LocalPipeline.AWAIT));
        assertEquals(jobs, Collections.frequency(actions, "COMPLETED"), actions::toString);
        assertEquals(jobs, succeededEvents(pipeline), "one domain event per job end");
    }

    @ParameterizedTest(name = "Step Functions refuses a second answer: {0}")
    @ValueSource(booleans = {true, false})
    void lostReorderedAndDuplicatedEventsEndEveryJobOnce(boolean refuseSecondAnswers, LocalPipeline pipeline)
            throws Exception {
        String applicationId = pipeline.createApplication("analytics");
        pipeline.gateway().answeredTaskTokens().refuseSecondAnswers(refuseSecondAnswers);
        pipeline.gateway().events().setDeliverEveryEventTwice(true);
        pipeline.gateway().events().setDeliveryJitter(Duration.ofMillis(1500));
        pipeline.gateway().events().loseEmrEvents(0.3, false);
        pipeline.sweeps().setInterval(Duration.ofSeconds(2));
        int jobs = 8;
        for (int i = 0; i < jobs; i++) {
            pipeline.gateway().simulatedJobs().planNext(JobPlan.succeedAfter(Duration.ofMillis(300 + 250 * i)));
        }

        List<String> executions = new ArrayList<>();
        for (int i = 0; i < jobs; i++) {
            executions.add(pipeline.startExecution("unruly-" + i, JobRequests.scriptJob(applicationId).toString()));
        }
        for (String executionArn : executions) {
            DescribeExecutionResponse execution = pipeline.awaitExecution(executionArn, TIMEOUT);
            assertEquals(ExecutionStatus.SUCCEEDED, execution.status(), () -> Scenarios.describe(execution));
        }
        // A sweep answers the execution before it publishes the end: wait for every end to be told.
        Scenarios.awaitTrue(() -> succeededEvents(pipeline) >= jobs, TIMEOUT);
        Scenarios.awaitQuiet(pipeline);

        assertTrue(pipeline.gateway().events().publishedEvents().stream().anyMatch(PublishedEvent::dropped),
                "some events really were lost");
        assertEquals(jobs, pipeline.gateway().jobRuns().jobRuns().size());
        assertEquals(jobs, succeededEvents(pipeline), "one domain event per job end");
        assertEquals(jobs, pipeline.gateway().events().publishedEvents().stream()
                .filter(event -> "Job Run Succeeded".equals(event.detailType()))
                .map(event -> event.detail().path("eventId").asText()).distinct().count(),
                "each end has its own stable id");
    }

    private static long succeededEvents(LocalPipeline pipeline) {
        return pipeline.gateway().events().publishedEvents().stream()
                .filter(event -> "Job Run Succeeded".equals(event.detailType())).count();
    }
}
