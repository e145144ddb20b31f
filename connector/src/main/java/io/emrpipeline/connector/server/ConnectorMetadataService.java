package io.emrpipeline.connector.server;

import flyteidl.admin.AgentOuterClass.GetAgentRequest;
import flyteidl.admin.AgentOuterClass.GetAgentResponse;
import flyteidl.admin.AgentOuterClass.ListAgentsRequest;
import flyteidl.admin.AgentOuterClass.ListAgentsResponse;
import flyteidl.service.AgentMetadataServiceGrpc;
import io.emrpipeline.connector.flyte.TaskCategories;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;

/** Tells Propeller which task types this connector serves (it asks at start and periodically). */
public final class ConnectorMetadataService extends AgentMetadataServiceGrpc.AgentMetadataServiceImplBase {

    @Override
    public void listAgents(ListAgentsRequest request, StreamObserver<ListAgentsResponse> response) {
        response.onNext(ListAgentsResponse.newBuilder().addAgents(TaskCategories.connector()).build());
        response.onCompleted();
    }

    @Override
    public void getAgent(GetAgentRequest request, StreamObserver<GetAgentResponse> response) {
        if (!TaskCategories.CONNECTOR_NAME.equals(request.getName())) {
            response.onError(Status.NOT_FOUND.withDescription("no connector named '" + request.getName()
                    + "'; this one is '" + TaskCategories.CONNECTOR_NAME + "'").asRuntimeException());
            return;
        }
        response.onNext(GetAgentResponse.newBuilder().setAgent(TaskCategories.connector()).build());
        response.onCompleted();
    }
}
