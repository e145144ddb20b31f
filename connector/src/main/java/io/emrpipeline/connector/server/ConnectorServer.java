package io.emrpipeline.connector.server;

import io.emrpipeline.connector.config.ConnectorConfig;
import io.emrpipeline.connector.flyte.FlyteResources;
import io.emrpipeline.connector.sfn.ExecutionTracker;
import io.emrpipeline.connector.sfn.SdkStepFunctions;
import io.emrpipeline.connector.sfn.StepFunctions;
import io.grpc.Server;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.CloseableThreadContext;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The gRPC server: the two Flyte services and the standard health service. Stopping it first
 * reports NOT_SERVING (so Kubernetes and Propeller stop sending), then lets calls in flight
 * finish within the grace period.
 */
public final class ConnectorServer implements AutoCloseable {

    private static final Logger LOG = LogManager.getLogger(ConnectorServer.class);

    private final Server server;
    private final HealthStatusManager health = new HealthStatusManager();
    private final Duration shutdownGrace;

    public ConnectorServer(ConnectorConfig config) {
        this(config, new SdkStepFunctions(config));
    }

    public ConnectorServer(ConnectorConfig config, StepFunctions sfn) {
        this.shutdownGrace = config.shutdownGrace();
        ExecutionTracker tracker = new ExecutionTracker(sfn, config.statusMaxAge(), config.trackedExecutions());
        var agent = new EmrServerlessAgentService(sfn, tracker, new FlyteResources(config.region()),
                config.stateMachineArn());
        this.server = NettyServerBuilder.forAddress(new InetSocketAddress(config.port()))
                .addService(agent)
                .addService(new ConnectorMetadataService())
                .addService(health.getHealthService())
                .build();
    }

    public ConnectorServer start() throws IOException {
        server.start();
        health.setStatus("", ServingStatus.SERVING);
        try (var fields = CloseableThreadContext.put("port", Integer.toString(server.getPort()))) {
            LOG.info("connector serving");
        }
        return this;
    }

    public int port() {
        return server.getPort();
    }

    public void awaitTermination() throws InterruptedException {
        server.awaitTermination();
    }

    @Override
    public void close() {
        health.enterTerminalState();
        server.shutdown();
        try {
            if (!server.awaitTermination(shutdownGrace.toMillis(), TimeUnit.MILLISECONDS)) {
                try (var fields = CloseableThreadContext.put("graceSeconds", Long.toString(shutdownGrace.toSeconds()))) {
                    LOG.warn("calls still running after the grace period; cancelling them");
                }
                server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            server.shutdownNow();
            Thread.currentThread().interrupt();
        }
        LOG.info("connector stopped");
    }
}
