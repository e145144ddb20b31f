package io.emrpipeline.connector.local;

import flyteidl.service.AsyncAgentServiceGrpc;
import flyteidl.service.AsyncAgentServiceGrpc.AsyncAgentServiceBlockingStub;
import io.emrpipeline.connector.config.ConnectorConfig;
import io.emrpipeline.connector.server.ConnectorServer;
import io.emrpipeline.connector.sfn.SdkStepFunctions;
import io.emrpipeline.local.LocalPipeline;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The connector as Propeller sees it, running over the local pipeline: a real gRPC server on a
 * free port, talking to moto's Step Functions through the local gateway.
 */
public final class LocalConnector implements AutoCloseable {

    private final ConnectorServer server;
    private final CountingStepFunctions sfn;
    private final ManagedChannel channel;

    private LocalConnector(ConnectorServer server, CountingStepFunctions sfn) {
        this.server = server;
        this.sfn = sfn;
        this.channel = ManagedChannelBuilder.forAddress("127.0.0.1", server.port()).usePlaintext().build();
    }

    /** Configured as a deployment would be, from environment variables, pointed at the pipeline. */
    public static ConnectorConfig config(LocalPipeline pipeline, Duration statusMaxAge) {
        return ConnectorConfig.from(Map.of(
                "STATE_MACHINE_ARN", pipeline.stateMachineArn(),
                "AWS_ENDPOINT_URL", pipeline.gateway().endpoint().toString(),
                "CONNECTOR_PORT", "1",
                "CONNECTOR_STATUS_MAX_AGE_SECONDS", Long.toString(statusMaxAge.toSeconds()),
                "CONNECTOR_SHUTDOWN_GRACE_SECONDS", "2")).withPort(0);
    }

    public static LocalConnector start(LocalPipeline pipeline, Duration statusMaxAge) throws IOException {
        ConnectorConfig config = config(pipeline, statusMaxAge);
        CountingStepFunctions sfn = new CountingStepFunctions(new SdkStepFunctions(pipeline.sfn(), config.stateMachineArn()));
        return new LocalConnector(new ConnectorServer(config, sfn).start(), sfn);
    }

    public AsyncAgentServiceBlockingStub agent() {
        return AsyncAgentServiceGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS);
    }

    public ManagedChannel channel() {
        return channel;
    }

    public CountingStepFunctions sfn() {
        return sfn;
    }

    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        channel.shutdownNow();
        server.close();
    }
}
