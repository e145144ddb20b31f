package io.emrpipeline.connector.local;

import com.fasterxml.jackson.databind.node.ObjectNode;
import flyteidl.admin.AgentOuterClass.CreateTaskRequest;
import flyteidl.admin.AgentOuterClass.GetTaskRequest;
import flyteidl.admin.AgentOuterClass.TaskExecutionMetadata;
import flyteidl.core.IdentifierOuterClass.Identifier;
import flyteidl.core.IdentifierOuterClass.NodeExecutionIdentifier;
import flyteidl.core.IdentifierOuterClass.ResourceType;
import flyteidl.core.IdentifierOuterClass.TaskExecutionIdentifier;
import flyteidl.core.IdentifierOuterClass.WorkflowExecutionIdentifier;
import flyteidl.core.Literals.LiteralMap;
import flyteidl.core.Tasks.TaskTemplate;
import com.google.protobuf.ByteString;
import io.emrpipeline.connector.Json;
import io.emrpipeline.connector.flyte.StructJson;
import io.emrpipeline.connector.flyte.TaskCategories;

/** What Propeller sends, built the way it builds it, for the tests. */
public final class FlyteRequests {

    private FlyteRequests() {}

    /** A script-mode job request, as the Python plugin would put it in {@code custom}. */
    public static ObjectNode scriptJob(String applicationId) {
        ObjectNode request = Json.object().put("name", "flyte-job");
        request.putObject("application").put("id", applicationId);
        ObjectNode job = request.putObject("job").put("mode", "script")
                .put("entryPoint", "s3://emr-pipeline-local/jobs/job.py");
        job.putArray("arguments").add("--rows").add("10");
        request.put("timeoutMinutes", 10.0);
        return request;
    }

    public static TaskTemplate template(ObjectNode jobRequest) {
        return TaskTemplate.newBuilder()
                .setId(Identifier.newBuilder().setResourceType(ResourceType.TASK).setProject("flytesnacks")
                        .setDomain("development").setName("analytics.emr_job").setVersion("v1"))
                .setType(TaskCategories.TASK_TYPE)
                .setTaskTypeVersion(TaskCategories.VERSION)
                .setCustom(StructJson.toStruct(jobRequest))
                .build();
    }

    public static TaskExecutionMetadata attempt(String workflowExecution, int retryAttempt) {
        var workflow = WorkflowExecutionIdentifier.newBuilder().setProject("flytesnacks").setDomain("development")
                .setName(workflowExecution);
        return TaskExecutionMetadata.newBuilder()
                .setTaskExecutionId(TaskExecutionIdentifier.newBuilder()
                        .setTaskId(Identifier.newBuilder().setResourceType(ResourceType.TASK).setName("analytics.emr_job"))
                        .setNodeExecutionId(NodeExecutionIdentifier.newBuilder().setNodeId("n0").setExecutionId(workflow))
                        .setRetryAttempt(retryAttempt))
                .setNamespace("flytesnacks-development")
                .build();
    }

    public static CreateTaskRequest create(ObjectNode jobRequest, String workflowExecution) {
        return CreateTaskRequest.newBuilder()
                .setTemplate(template(jobRequest))
                .setInputs(LiteralMap.getDefaultInstance())
                .setOutputPrefix("s3://flyte-data/metadata/" + workflowExecution)
                .setTaskExecutionMetadata(attempt(workflowExecution, 0))
                .build();
    }

    public static GetTaskRequest get(ByteString resourceMeta) {
        return GetTaskRequest.newBuilder().setResourceMeta(resourceMeta)
                .setTaskCategory(TaskCategories.emrServerless()).build();
    }
}
