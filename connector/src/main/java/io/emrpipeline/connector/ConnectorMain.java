package io.emrpipeline.connector;

import io.emrpipeline.connector.config.ConfigurationError;
import io.emrpipeline.connector.config.ConnectorConfig;
import io.emrpipeline.connector.server.ConnectorServer;

/** {@code java -jar connector-all.jar}: configuration from the environment, stop on SIGTERM. */
public final class ConnectorMain {

    private ConnectorMain() {}

    public static void main(String[] args) throws Exception {
        ConnectorConfig config;
        try {
            config = ConnectorConfig.fromEnvironment();
        } catch (ConfigurationError e) {
            System.err.println("emr-pipeline connector: " + e.getMessage());
            System.exit(2);
            return;
        }
        ConnectorServer server = new ConnectorServer(config).start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "connector-shutdown"));
        server.awaitTermination();
    }
}
