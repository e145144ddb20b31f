package io.emrpipeline.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.emrpipeline.local.LocalPipeline;
import io.emrpipeline.local.emr.EmrApiException;
import io.emrpipeline.local.emr.JobPlan;
import io.emrpipeline.local.emr.JobRunOperation;
import io.emrpipeline.local.emr.JobRunState;
import io.emrpipeline.local.emr.JobRunView;
import io.emrpipeline.local.events.PublishedEvent;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * The job request's StartJobRun fields end to end: a streaming job runs until its execution is
 * stopped, EMR's permanent refusals fail at once under their own names, and requests past EMR's
 * limits never reach StartJobRun.
 */
@ExtendWith(LocalPipelineExtension.class)
class JobRequestFieldsIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    @Test
    void aStreamingJobRunsUntilItsExecutionIsStoppedAndTheEndSaysStreaming(LocalPipeline pipeline) throws Exception {
        String applicationId = pipeline.createApplication("analytics");
        pipeline.gateway().simulatedJobs().planNext(JobPlan.runUntilCancelled());
        ObjectNode request = JobRequests.scriptJob(applicationId).put("mode", "STREAMING");
        request.remove("timeoutMinutes");

        String executionArn = pipeline.startExecution("streaming", request.toString());
        JobRunView running = Scenarios.awaitJobRunState(pipeline, JobRunState.RUNNING);
        assertEquals("STREAMING", running.request().path("mode").asText());
        assertEquals(0, running.request().path("executionTimeoutMinutes").asInt(-1), "a streaming job has no timeout");
        pipeline.sfn().stopExecution(r -> r.executionArn(executionArn).error("UserAborted").cause("done streaming"));

        Scenarios.awaitJobRunState(pipeline, JobRunState.CANCELLED);
        assertEquals(ExecutionStatus.ABORTED, pipeline.awaitExecution(executionArn, TIMEOUT).status());
        Scenarios.awaitTrue(() -> !cancelledEvents(pipeline).isEmpty(), TIMEOUT);
        Scenarios.awaitQuiet(pipeline);
        List<PublishedEvent> cancelled = cancelledEvents(pipeline);
        assertEquals(1, cancelled.size());
        assertEquals("STREAMING", cancelled.get(0).detail().path("mode").asText(), cancelled.get(0).detail()::toString);
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of(EmrApiException.validation("Entry point is not reachable"), "EmrRequestRejected"),
                Arguments.of(EmrApiException.accessDenied("User is not authorized to perform: emr-serverless:StartJobRun"),
                        "EmrAccessDenied"),
                Arguments.of(EmrApiException.quotaExceeded("Maximum concurrent vCPUs exceeded"), "EmrQuotaExceeded"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("refusals")
    void aPermanentRefusalOfStartJobRunFailsAtOnceUnderItsName(EmrApiException refusal, String error,
            LocalPipeline pipeline) throws Exception {
        String applicationId = pipeline.createApplication("analytics");
        pipeline.gateway().jobRuns().faults().refuseNext(JobRunOperation.START_JOB_RUN, refusal);

        String executionArn = pipeline.startExecution("refused", JobRequests.scriptJob(applicationId).toString());
        DescribeExecutionResponse execution = pipeline.awaitExecution(executionArn, TIMEOUT);

        assertEquals(ExecutionStatus.FAILED, execution.status(), () -> Scenarios.describe(execution));
        assertEquals(error, execution.error());
        assertTrue(execution.cause().contains(refusal.getMessage()), execution::cause);
        assertEquals(1, pipeline.gateway().jobRuns().faults().callCount(JobRunOperation.START_JOB_RUN), "never retried");
        assertEquals(1, pipeline.gateway().lambdas().log().count(LocalPipeline.SUBMIT));
        assertEquals(0, pipeline.gateway().jobRuns().jobRuns().size());
    }

    static Stream<Arguments> requestsPastTheLimits() {
        return Stream.of(
                Arguments.of("a bucket name with a space", "$.job.entryPoint",
                        (Consumer<ObjectNode>) request -> ((ObjectNode) request.get("job")).put("entryPoint", "s3://b b/job.py")),
                Arguments.of("no key", "$.job.entryPoint",
                        (Consumer<ObjectNode>) request -> ((ObjectNode) request.get("job")).put("entryPoint", "s3://job.py")),
                Arguments.of("50 tags and the pipeline's own", "$.tags",
                        (Consumer<ObjectNode>) request -> {
                            ObjectNode tags = request.putObject("tags");
                            for (int i = 0; i < 50; i++) {
                                tags.put("team-" + i, "x");
                            }
                        }),
                Arguments.of("a reserved tag prefix", "$.tags",
                        (Consumer<ObjectNode>) request -> request.putObject("tags").put("aws:owner", "me")),
                Arguments.of("a name ending in a newline", "$.name",
                        (Consumer<ObjectNode>) request -> request.put("name", "nightly\n")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requestsPastTheLimits")
    void aRequestPastEmrsLimitsNeverReachesStartJobRun(String what, String field, Consumer<ObjectNode> breakIt,
            LocalPipeline pipeline) throws Exception {
        String applicationId = pipeline.createApplication("analytics");
        ObjectNode request = JobRequests.scriptJob(applicationId);
        breakIt.accept(request);

        String executionArn = pipeline.startExecution("past-limits", request.toString());
        DescribeExecutionResponse execution = pipeline.awaitExecution(executionArn, TIMEOUT);

        assertEquals(ExecutionStatus.FAILED, execution.status(), () -> Scenarios.describe(execution));
        assertEquals("InvalidJobRequest", execution.error());
        assertTrue(execution.cause().contains(field), () -> what + ": the cause names " + field + ": " + execution.cause());
        assertEquals(0, pipeline.gateway().jobRuns().faults().callCount(JobRunOperation.START_JOB_RUN));
    }

    private static List<PublishedEvent> cancelledEvents(LocalPipeline pipeline) {
        return pipeline.gateway().events().publishedEvents().stream()
                .filter(event -> "Job Run Cancelled".equals(event.detailType())).toList();
    }
}
