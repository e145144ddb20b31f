package io.emrpipeline.connector.server;

import flyteidl.admin.AgentOuterClass.CreateTaskRequest;
import flyteidl.admin.AgentOuterClass.CreateTaskResponse;
import flyteidl.admin.AgentOuterClass.DeleteTaskRequest;
import flyteidl.admin.AgentOuterClass.DeleteTaskResponse;
import flyteidl.admin.AgentOuterClass.GetTaskRequest;
import flyteidl.admin.AgentOuterClass.GetTaskResponse;
import flyteidl.admin.AgentOuterClass.Resource;
import flyteidl.service.AsyncAgentServiceGrpc;
import io.emrpipeline.connector.Json;
import io.emrpipeline.connector.flyte.ExecutionInputs;
import io.emrpipeline.connector.flyte.ExecutionNames;
import io.emrpipeline.connector.flyte.FlyteResources;
import io.emrpipeline.connector.flyte.InvalidTask;
import io.emrpipeline.connector.flyte.ResourceMeta;
import io.emrpipeline.connector.sfn.ExecutionTracker;
import io.emrpipeline.connector.sfn.StepFunctions;
import io.emrpipeline.connector.sfn.StepFunctions.ExecutionAlreadyStarted;
import io.emrpipeline.connector.sfn.StepFunctions.StepFunctionsRejected;
import io.emrpipeline.connector.sfn.StepFunctions.StepFunctionsUnavailable;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import org.apache.logging.log4j.CloseableThreadContext;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Flyte's AsyncAgentService for {@code emr_serverless} tasks: CreateTask starts an execution of
 * the pipeline's state machine, GetTask reports it, DeleteTask stops it (the pipeline then
 * cancels the job run). GetTaskMetrics and GetTaskLogs stay UNIMPLEMENTED; the log links point
 * at the logs instead.
 */
public final class EmrServerlessAgentService extends AsyncAgentServiceGrpc.AsyncAgentServiceImplBase {

    private static final Logger LOG = LogManager.getLogger(EmrServerlessAgentService.class);

    private final StepFunctions sfn;
    private final ExecutionTracker tracker;
    private final FlyteResources resources;
    private final String stateMachineArn;
    private final ExecutionInputs inputs = new ExecutionInputs();
    private final ExecutionNames names = new ExecutionNames();

    public EmrServerlessAgentService(StepFunctions sfn, ExecutionTracker tracker, FlyteResources resources,
            String stateMachineArn) {
        this.sfn = sfn;
        this.tracker = tracker;
        this.resources = resources;
        this.stateMachineArn = stateMachineArn;
    }

    @Override
    public void createTask(CreateTaskRequest request, StreamObserver<CreateTaskResponse> response) {
        ResourceMeta meta;
        try {
            String input = Json.string(inputs.build(request.getTemplate(), request.getInputs()));
            meta = ResourceMeta.execution(start(names.forTask(request.getTaskExecutionMetadata()), input));
        } catch (InvalidTask | StepFunctionsRejected e) {
            // Propeller retries every CreateTask error: a request that can never start must
            // answer, and fail in GetTask with the reason.
            LOG.warn("task cannot start", e);
            meta = ResourceMeta.invalid(e.getMessage());
        } catch (StepFunctionsUnavailable e) {
            response.onError(Status.UNAVAILABLE.withDescription(e.getMessage()).asRuntimeException());
            return;
        }
        response.onNext(CreateTaskResponse.newBuilder().setResourceMeta(meta.toBytes()).build());
        response.onCompleted();
    }

    private String start(String name, String input) {
        try {
            String arn = sfn.startExecution(name, input);
            try (var fields = CloseableThreadContext.put("executionName", name).put("executionArn", arn)) {
                LOG.info("started execution");
            }
            return arn;
        } catch (ExecutionAlreadyStarted e) {
            // A retried CreateTask (our answer was lost): the execution of that name is this task's.
            String arn = stateMachineArn.replace(":stateMachine:", ":execution:") + ":" + name;
            try (var fields = CloseableThreadContext.put("executionName", name).put("executionArn", arn)) {
                LOG.info("execution already started; reusing it");
            }
            return arn;
        }
    }

    @Override
    public void getTask(GetTaskRequest request, StreamObserver<GetTaskResponse> response) {
        Resource resource;
        try {
            ResourceMeta meta = ResourceMeta.fromBytes(request.getResourceMeta());
            resource = meta.isInvalid() ? resources.invalid(meta.invalidReason())
                    : resources.of(meta.executionArn(), tracker.status(meta.executionArn()));
        } catch (InvalidTask e) {
            resource = resources.invalid(e.getMessage());
        }
        response.onNext(GetTaskResponse.newBuilder().setResource(resource).build());
        response.onCompleted();
    }

    @Override
    public void deleteTask(DeleteTaskRequest request, StreamObserver<DeleteTaskResponse> response) {
        try {
            ResourceMeta meta = ResourceMeta.fromBytes(request.getResourceMeta());
            if (!meta.isInvalid()) {
                sfn.stopExecution(meta.executionArn(), "FlyteTaskAborted", "the Flyte task was aborted (DeleteTask)");
                tracker.forget(meta.executionArn());
                try (var fields = CloseableThreadContext.put("executionArn", meta.executionArn())) {
                    LOG.info("stopped execution");
                }
            }
        } catch (InvalidTask | StepFunctionsRejected e) {
            LOG.warn("nothing to stop", e);
        } catch (StepFunctionsUnavailable e) {
            response.onError(Status.UNAVAILABLE.withDescription(e.getMessage()).asRuntimeException());
            return;
        }
        response.onNext(DeleteTaskResponse.getDefaultInstance());
        response.onCompleted();
    }
}
