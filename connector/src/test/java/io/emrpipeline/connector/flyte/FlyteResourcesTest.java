package io.emrpipeline.connector.flyte;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flyteidl.admin.AgentOuterClass.AgentError;
import flyteidl.admin.AgentOuterClass.Resource;
import flyteidl.core.Execution.TaskExecution.Phase;
import flyteidl.core.Execution.TaskLog;
import io.emrpipeline.connector.sfn.HistoryFixtures;
import io.emrpipeline.connector.sfn.HistoryReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlyteResourcesTest {

    private static final String ARN = "arn:aws:states:us-east-1:123456789012:execution:emr-pipeline:e1";

    private final FlyteResources resources = new FlyteResources("us-east-1");
    private final HistoryReader reader = new HistoryReader();

    private Resource resource(String fixture) {
        return resources.of(ARN, reader.read(HistoryFixtures.load(fixture)));
    }

    @Test
    void beforeTheJobRunExistsTheTaskIsQueuedWithTheStepFunctionsLink() {
        Resource queued = resources.of(ARN, reader.read(List.of(HistoryFixtures.load("running-submitted.json").get(0))));

        assertEquals(Phase.QUEUED, queued.getPhase());
        assertEquals(List.of("Step Functions execution"), names(queued));
        assertTrue(queued.getLogLinks(0).getShowWhilePending());
    }

    @Test
    void onceTheJobRunExistsEveryLinkIsThere() {
        Resource running = resource("running-submitted.json");

        assertEquals(Phase.RUNNING, running.getPhase());
        assertEquals(List.of("EMR Serverless console", "Spark driver stdout", "Spark driver stderr", "Step Functions execution"),
                names(running));
        assertEquals("run1", running.getCustomInfo().getFieldsOrThrow("jobRunId").getStringValue());
    }

    @Test
    void aJobThePipelineSawPendingIsInitializing() {
        assertEquals(Phase.INITIALIZING, resource("running-reconciled-pending.json").getPhase());
    }

    @Test
    void successGivesTheOutputsThePluginDeclares() {
        Resource succeeded = resource("succeeded.json");

        assertEquals(Phase.SUCCEEDED, succeeded.getPhase());
        assertEquals("EMR Serverless job run run1 succeeded in 42 s", succeeded.getMessage());
        var outputs = succeeded.getOutputs().getLiteralsMap();
        assertEquals("app1", outputs.get("application_id").getScalar().getPrimitive().getStringValue());
        assertEquals("SUCCESS", outputs.get("job_run").getScalar().getGeneric().getFieldsOrThrow("state").getStringValue());
    }

    @Test
    void aFailedJobIsAFailureAPersonCanRead() {
        Resource failed = resource("failed-job.json");

        assertEquals(Phase.FAILED, failed.getPhase());
        assertTrue(failed.getMessage().startsWith("EmrJobFailed: EMR Serverless job run app1/run1"), failed.getMessage());
        assertEquals(AgentError.Kind.NON_RECOVERABLE, failed.getAgentError().getKind());
    }

    @Test
    void aPipelineFailureBeforeTheJobIsRetryable() {
        Resource failed = resource("failed-submit.json");

        assertEquals(Phase.RETRYABLE_FAILED, failed.getPhase());
        assertEquals("SubmitFailed", failed.getAgentError().getCode());
    }

    private static List<String> names(Resource resource) {
        return resource.getLogLinksList().stream().map(TaskLog::getName).toList();
    }
}
