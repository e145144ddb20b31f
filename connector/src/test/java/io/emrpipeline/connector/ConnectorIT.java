package io.emrpipeline.connector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import flyteidl.admin.AgentOuterClass.CreateTaskRequest;
import flyteidl.admin.AgentOuterClass.DeleteTaskRequest;
import flyteidl.admin.AgentOuterClass.Resource;
import flyteidl.core.Execution.TaskExecution.Phase;
import flyteidl.core.Execution.TaskLog;
import io.emrpipeline.connector.local.FlyteRequests;
import io.emrpipeline.connector.local.LocalConnector;
import io.emrpipeline.connector.local.LocalConnectorExtension;
import io.emrpipeline.local.LocalPipeline;
import io.emrpipeline.local.emr.JobPlan;
import io.emrpipeline.local.emr.JobRunState;
import io.emrpipeline.local.emr.JobRunView;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The connector over the local pipeline, called as Propeller calls it. */
@ExtendWith(LocalConnectorExtension.class)
class ConnectorIT {

    @Test
    void aTaskRunsToSucceededWithLogLinksAndOutputs(LocalPipeline pipeline, LocalConnector connector) throws Exception {
        String applicationId = pipeline.createApplication("analytics");
        pipeline.gateway().simulatedJobs().planNext(JobPlan.succeedAfter(Duration.ofSeconds(2)));

        ByteString meta = connector.agent().createTask(FlyteRequests.create(FlyteRequests.scriptJob(applicationId), "wf1"))
                .getResourceMeta();
        List<Resource> seen = pollUntil(connector, meta, r -> r.getPhase() == Phase.SUCCEEDED);
        Resource done = seen.get(seen.size() - 1);

        assertTrue(seen.stream().anyMatch(r -> r.getPhase() == Phase.RUNNING), () -> phases(seen).toString());
        assertTrue(linkNames(done).containsAll(List.of("EMR Serverless console", "Spark driver stdout",
                "Spark driver stderr", "Step Functions execution")), () -> linkNames(done).toString());
        JobRunView run = pipeline.gateway().jobRuns().jobRuns().get(0);
        assertEquals(run.jobRunId(), done.getOutputs().getLiteralsOrThrow("job_run_id").getScalar().getPrimitive().getStringValue());
        assertTrue(done.getMessage().contains("succeeded"), done.getMessage());
        assertTrue(connector.sfn().reads() <= seen.size(), "at most one Step Functions read per GetTask");

        int readsAtEnd = connector.sfn().reads();
        for (int i = 0; i < 5; i++) {
            connector.agent().getTask(FlyteRequests.get(meta));
        }
        assertEquals(readsAtEnd, connector.sfn().reads(), "no reads once the execution ended");
    }

    @Test
    void aRetriedCreateTaskFindsTheExecutionItStarted(LocalPipeline pipeline, LocalConnector connector) throws Exception {
        String applicationId = pipeline.createApplication("analytics");
        pipeline.gateway().simulatedJobs().planNext(JobPlan.runUntilCancelled());
        CreateTaskRequest create = FlyteRequests.create(FlyteRequests.scriptJob(applicationId), "wf-retried");

        ByteString first = connector.agent().createTask(create).getResourceMeta();
        ByteString second = connector.agent().createTask(create).getResourceMeta();

        assertEquals(first, second);
        pollUntil(connector, first, r -> r.getPhase() == Phase.RUNNING);
        assertEquals(1, pipeline.sfn().listExecutions(r -> r.stateMachineArn(pipeline.stateMachineArn())).executions().size());
        assertEquals(1, pipeline.gateway().jobRuns().jobRuns().size(), "one job run");
        connector.agent().deleteTask(DeleteTaskRequest.newBuilder().setResourceMeta(first).build());
    }

    @Test
    void deleteTaskStopsTheExecutionAndThePipelineCancelsTheJob(LocalPipeline pipeline, LocalConnector connector)
            throws Exception {
        String applicationId = pipeline.createApplication("analytics");
        pipeline.gateway().simulatedJobs().planNext(JobPlan.runUntilCancelled());

        ByteString meta = connector.agent().createTask(FlyteRequests.create(FlyteRequests.scriptJob(applicationId), "wf-abort"))
                .getResourceMeta();
        pollUntil(connector, meta, r -> r.getPhase() == Phase.RUNNING);
        // moto 5.2 records a stop that lands before AwaitJobRun's callback wait is armed as a
        // States.Timeout failure; real Step Functions does not. Stop a job that is really running.
        awaitJobRunState(pipeline, JobRunState.RUNNING);
        connector.agent().deleteTask(DeleteTaskRequest.newBuilder().setResourceMeta(meta).build());

        List<Resource> seen = pollUntil(connector, meta, r -> r.getPhase() == Phase.ABORTED);
        assertTrue(seen.get(seen.size() - 1).getMessage().contains("stopped"));
        awaitJobRunState(pipeline, JobRunState.CANCELLED);
    }

    @Test
    void anInvalidJobRequestFailsTheTaskWithTheReason(LocalPipeline pipeline, LocalConnector connector) throws Exception {
        var request = FlyteRequests.scriptJob("app1");
        request.with("job").put("entryPoint", "s3://bucket/job.txt");

        ByteString meta = connector.agent().createTask(FlyteRequests.create(request, "wf-invalid")).getResourceMeta();
        List<Resource> seen = pollUntil(connector, meta, r -> r.getPhase() == Phase.FAILED);
        Resource failed = seen.get(seen.size() - 1);

        assertTrue(failed.getMessage().startsWith("InvalidJobRequest: "), failed.getMessage());
        assertTrue(failed.getMessage().contains("entryPoint"), failed.getMessage());
        assertEquals("InvalidJobRequest", failed.getAgentError().getCode());
        assertTrue(pipeline.gateway().jobRuns().jobRuns().isEmpty(), "nothing started");
    }

    @Test
    void aTemplateUsingAnUnknownInputFailsWithoutStartingAnything(LocalPipeline pipeline, LocalConnector connector) {
        var request = FlyteRequests.scriptJob("app1");
        request.with("job").putArray("arguments").add("--date").add("{{.inputs.run_date}}");

        ByteString meta = connector.agent().createTask(FlyteRequests.create(request, "wf-unknown-input")).getResourceMeta();
        Resource resource = connector.agent().getTask(FlyteRequests.get(meta)).getResource();

        assertEquals(Phase.FAILED, resource.getPhase());
        assertTrue(resource.getMessage().contains("run_date"), resource.getMessage());
        assertEquals(0, connector.sfn().starts() + connector.sfn().reads());
    }

    static List<Resource> pollUntil(LocalConnector connector, ByteString meta, Predicate<Resource> done)
            throws InterruptedException {
        List<Resource> seen = new ArrayList<>();
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            Resource resource = connector.agent().getTask(FlyteRequests.get(meta)).getResource();
            seen.add(resource);
            if (done.test(resource)) {
                return seen;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("never reached the expected phase; phases: " + phases(seen)
                + " last message: " + seen.get(seen.size() - 1).getMessage());
    }

    static void awaitJobRunState(LocalPipeline pipeline, JobRunState state) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            var runs = pipeline.gateway().jobRuns().jobRuns();
            if (runs.size() == 1 && runs.get(0).state() == state) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no job run reached " + state + ": " + pipeline.gateway().jobRuns().jobRuns());
    }

    static List<Phase> phases(List<Resource> seen) {
        return seen.stream().map(Resource::getPhase).distinct().toList();
    }

    static List<String> linkNames(Resource resource) {
        return resource.getLogLinksList().stream().map(TaskLog::getName).toList();
    }
}
