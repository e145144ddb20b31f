package io.emrpipeline.connector.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import flyteidl.admin.AgentOuterClass.GetAgentRequest;
import flyteidl.admin.AgentOuterClass.ListAgentsRequest;
import flyteidl.service.AgentMetadataServiceGrpc;
import io.emrpipeline.connector.config.ConnectorConfig;
import io.emrpipeline.connector.flyte.TaskCategories;
import io.emrpipeline.connector.sfn.StepFunctions;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

class ConnectorServerIT {

    private static final StepFunctions UNUSED = new StepFunctions() {
        @Override
        public String startExecution(String name, String input) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<HistoryEvent> recentHistory(String executionArn) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void stopExecution(String executionArn, String error, String cause) {
            throw new UnsupportedOperationException();
        }
    };

    private static ConnectorConfig config() {
        return ConnectorConfig.from(Map.of("STATE_MACHINE_ARN",
                "arn:aws:states:us-east-1:123456789012:stateMachine:emr-pipeline", "CONNECTOR_SHUTDOWN_GRACE_SECONDS", "1"))
                .withPort(0);
    }

    @Test
    void servesHealthAndTellsPropellerItsTaskType() throws Exception {
        try (ConnectorServer server = new ConnectorServer(config(), UNUSED).start()) {
            ManagedChannel channel = ManagedChannelBuilder.forAddress("127.0.0.1", server.port()).usePlaintext().build();
            try {
                assertEquals(ServingStatus.SERVING,
                        HealthGrpc.newBlockingStub(channel).check(HealthCheckRequest.getDefaultInstance()).getStatus());
                var metadata = AgentMetadataServiceGrpc.newBlockingStub(channel);
                var agent = metadata.listAgents(ListAgentsRequest.getDefaultInstance()).getAgents(0);
                assertEquals(TaskCategories.TASK_TYPE, agent.getSupportedTaskCategories(0).getName());
                assertEquals(0, agent.getSupportedTaskCategories(0).getVersion());
                StatusRuntimeException unknown = assertThrows(StatusRuntimeException.class,
                        () -> metadata.getAgent(GetAgentRequest.newBuilder().setName("spark").build()));
                assertEquals(Status.Code.NOT_FOUND, unknown.getStatus().getCode());
            } finally {
                channel.shutdownNow();
            }
        }
    }

    @Test
    void afterCloseItNoLongerAcceptsCalls() throws Exception {
        ConnectorServer server = new ConnectorServer(config(), UNUSED).start();
        int port = server.port();
        server.close();

        ManagedChannel channel = ManagedChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
        try {
            StatusRuntimeException refused = assertThrows(StatusRuntimeException.class,
                    () -> HealthGrpc.newBlockingStub(channel).check(HealthCheckRequest.getDefaultInstance()));
            assertEquals(Status.Code.UNAVAILABLE, refused.getStatus().getCode());
        } finally {
            channel.shutdownNow();
        }
    }
}
