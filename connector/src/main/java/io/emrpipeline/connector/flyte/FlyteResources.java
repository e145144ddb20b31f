package io.emrpipeline.connector.flyte;

import io.emrpipeline.contract.Contract;
import io.emrpipeline.contract.ExecutionError;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import flyteidl.admin.AgentOuterClass.AgentError;
import flyteidl.admin.AgentOuterClass.Resource;
import flyteidl.core.Execution.TaskExecution.Phase;
import flyteidl.core.Execution.TaskLog;
import io.emrpipeline.connector.Json;
import io.emrpipeline.connector.sfn.ExecutionSnapshot;
import io.emrpipeline.connector.sfn.ExecutionSnapshot.JobRunRef;
import java.util.Set;

/**
 * Turns what the connector knows about an execution into the {@link Resource} Flyte shows:
 * phase, a message a person can act on, log links as soon as the job run exists, outputs.
 */
public final class FlyteResources {

    /** EMR Serverless states before RUNNING: Flyte calls that initializing. */
    private static final Set<String> STARTING = Set.of("SUBMITTED", "PENDING", "SCHEDULED");

    private final String region;

    public FlyteResources(String region) {
        this.region = region;
    }

    public Resource invalid(String reason) {
        return Resource.newBuilder().setPhase(Phase.FAILED).setMessage(reason)
                .setAgentError(error("InvalidTask", AgentError.Kind.NON_RECOVERABLE)).build();
    }

    /** Failures of the pipeline itself rather than of the job or request (contract.json): a new attempt may pass. */
    static boolean isRetryable(String error) {
        return error != null && Contract.get().executionError(error).map(ExecutionError::retryable).orElse(false);
    }

    public Resource of(String executionArn, ExecutionSnapshot snapshot) {
        Resource.Builder resource = Resource.newBuilder().setCustomInfo(StructJson.toStruct(info(executionArn, snapshot)));
        addLinks(resource, executionArn, snapshot);
        switch (snapshot.status()) {
            case RUNNING -> running(resource, snapshot);
            case SUCCEEDED -> resource.setPhase(Phase.SUCCEEDED)
                    .setMessage(succeededMessage(snapshot.output()))
                    .setOutputs(OutputLiterals.of(snapshot.output()));
            case FAILED -> {
                boolean retryable = isRetryable(snapshot.error());
                resource.setPhase(retryable ? Phase.RETRYABLE_FAILED : Phase.FAILED)
                        .setMessage(failureMessage(snapshot))
                        .setAgentError(error(snapshot.error(), retryable ? AgentError.Kind.RECOVERABLE
                                : AgentError.Kind.NON_RECOVERABLE));
            }
            case ABORTED -> resource.setPhase(Phase.ABORTED).setMessage("the execution was stopped"
                    + (snapshot.cause() != null ? ": " + snapshot.cause() : "") + "; the pipeline cancels its job run");
            case TIMED_OUT -> resource.setPhase(Phase.FAILED)
                    .setMessage("the Step Functions execution timed out; the pipeline cancels its job run")
                    .setAgentError(error("ExecutionTimedOut", AgentError.Kind.NON_RECOVERABLE));
            // PENDING_REDRIVE and statuses newer than this SDK: the execution has not ended.
            default -> running(resource, snapshot);
        }
        return resource.build();
    }

    private static void running(Resource.Builder resource, ExecutionSnapshot snapshot) {
        String note = snapshot.note() != null ? " (" + snapshot.note() + ")" : "";
        if (snapshot.jobRun().isEmpty()) {
            resource.setPhase(Phase.QUEUED).setMessage("submitting the job run to EMR Serverless" + note);
            return;
        }
        JobRunRef run = snapshot.jobRun().get();
        String state = snapshot.emrState().orElse(null);
        boolean starting = state != null && STARTING.contains(state);
        resource.setPhase(starting ? Phase.INITIALIZING : Phase.RUNNING)
                .setMessage("EMR Serverless job run " + run.jobRunId() + " on application " + run.applicationId()
                        + (state != null ? " was " + state + " at the pipeline's last check" : " submitted; waiting for it to end")
                        + note);
    }

    private static String succeededMessage(JsonNode output) {
        JsonNode jobRun = output.path("jobRun");
        String duration = jobRun.path("totalExecutionDurationSeconds").isNumber()
                ? " in " + jobRun.path("totalExecutionDurationSeconds").asLong() + " s" : "";
        return "EMR Serverless job run " + jobRun.path("jobRunId").asText("?") + " succeeded" + duration;
    }

    private static String failureMessage(ExecutionSnapshot snapshot) {
        String error = snapshot.error() != null ? snapshot.error() : "Failed";
        return error + ": " + (snapshot.cause() != null && !snapshot.cause().isBlank() ? snapshot.cause()
                : "the execution failed without a cause; open the Step Functions execution");
    }

    private void addLinks(Resource.Builder resource, String executionArn, ExecutionSnapshot snapshot) {
        JsonNode links = snapshot.jobRun().map(JobRunRef::links).orElse(Json.object());
        link(resource, "EMR Serverless console", links.path("emrConsole"));
        link(resource, "Spark driver stdout", links.path("driverStdout"));
        link(resource, "Spark driver stderr", links.path("driverStderr"));
        link(resource, "CloudWatch logs", links.path("cloudWatchLogs"));
        String execution = links.path("stepFunctionsExecution").asText("");
        if (execution.isEmpty()) {
            execution = "https://" + region + ".console.aws.amazon.com/states/home?region=" + region
                    + "#/v2/executions/details/" + executionArn;
        }
        resource.addLogLinks(TaskLog.newBuilder().setName("Step Functions execution").setUri(execution)
                .setShowWhilePending(true));
    }

    private static void link(Resource.Builder resource, String name, JsonNode uri) {
        if (uri.isTextual() && !uri.asText().isEmpty()) {
            resource.addLogLinks(TaskLog.newBuilder().setName(name).setUri(uri.asText()));
        }
    }

    private static ObjectNode info(String executionArn, ExecutionSnapshot snapshot) {
        ObjectNode info = Json.object().put("executionArn", executionArn).put("executionStatus", snapshot.status().name());
        snapshot.jobRun().ifPresent(run -> info.put("applicationId", run.applicationId()).put("jobRunId", run.jobRunId()));
        snapshot.emrState().ifPresent(state -> info.put("jobRunState", state));
        return info;
    }

    private static AgentError error(String code, AgentError.Kind kind) {
        return AgentError.newBuilder().setCode(code == null ? "Failed" : code).setKind(kind).build();
    }
}
