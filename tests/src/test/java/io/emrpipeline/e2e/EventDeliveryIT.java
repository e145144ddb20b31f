package io.emrpipeline.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.emrpipeline.e2e.LocalPipelineExtension.Heartbeat;
import io.emrpipeline.local.LocalPipeline;
import io.emrpipeline.local.emr.JobPlan;
import io.emrpipeline.local.events.PublishedEvent;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * EventBridge delivers EMR Serverless events best effort, at least once and unordered: each
 * scenario breaks delivery one way and checks the execution still ends right, exactly once.
 */
@ExtendWith(LocalPipelineExtension.class)
class EventDeliveryIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

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
    @Heartbeat(seconds = 2)
    void aLostTerminalEventIsReconciledAfterOneHeartbeat(LocalPipeline pipeline) throws Exception {
        String applicationId = pipeline.createApplication("analytics");
        pipeline.gateway().events().setDropEmrTerminalEvents(true);
        pipeline.gateway().simulatedJobs().planNext(JobPlan.succeedAfter(Duration.ofMillis(300)));

        long started = System.nanoTime();
        String executionArn = pipeline.startExecution("lost-event", JobRequests.scriptJob(applicationId).toString());
        DescribeExecutionResponse execution = pipeline.awaitExecution(executionArn, TIMEOUT);
        double seconds = (System.nanoTime() - started) / 1e9;

        assertEquals(ExecutionStatus.SUCCEEDED, execution.status(), () -> Scenarios.describe(execution));
        assertEquals(0, Scenarios.actions(pipeline, LocalPipeline.STATE_CHANGE).size(), "no terminal event was delivered");
        assertEquals(1, pipeline.gateway().lambdas().log().count(LocalPipeline.RECONCILE));
        assertTrue(seconds >= 2, "completed by the reconcile path after the heartbeat, took " + seconds + " s");
        assertTrue(seconds < 20, "one heartbeat period, not a stuck execution: took " + seconds + " s");
    }

    @Test
    @Heartbeat(seconds = 1)
    void aLongJobWithLostEventsLoopsUntilItEnds(LocalPipeline pipeline) throws Exception {
        String applicationId = pipeline.createApplication("analytics");
        pipeline.gateway().events().setDropEmrTerminalEvents(true);
        pipeline.gateway().simulatedJobs().planNext(JobPlan.failAfter(Duration.ofMillis(2500), "OutOfMemoryError"));

        String executionArn = pipeline.startExecution("loop", JobRequests.scriptJob(applicationId).toString());
        DescribeExecutionResponse execution = pipeline.awaitExecution(executionArn, TIMEOUT);

        assertEquals("EmrJobFailed", execution.error());
        assertTrue(execution.cause().contains("OutOfMemoryError"), execution.cause());
        assertTrue(pipeline.gateway().lambdas().log().count(LocalPipeline.RECONCILE) >= 2,
                "reconciled while RUNNING, waited again, then reconciled the end");
        assertTrue(pipeline.gateway().lambdas().log().count(LocalPipeline.AWAIT) >= 2);
    }
}
