package io.emrpipeline.connector;

import io.emrpipeline.contract.ConfigurationError;
import io.emrpipeline.connector.config.ConnectorConfig;
import io.emrpipeline.connector.server.ConnectorServer;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/** {@code java -jar connector-all.jar}: configuration from the environment, stop on SIGTERM. */
public final class ConnectorMain {

    private static final Logger LOG = LogManager.getLogger(ConnectorMain.class);

    private ConnectorMain() {}

    public static void main(String[] args) throws Exception {
        ConnectorConfig config;
        try {
            config = ConnectorConfig.fromEnvironment();
        } catch (ConfigurationError e) {
            LOG.error("emr-pipeline connector cannot start: {}", e.getMessage(), e);
            System.exit(2);
            return;
        }
        ConnectorServer server = new ConnectorServer(config).start();
        // log4j2.xml turns off log4j's own shutdown hook, so the server's last lines are still written.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            LogManager.shutdown();
        }, "connector-shutdown"));
        server.awaitTermination();
    }
}
