package io.emrpipeline.connector.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.emrpipeline.contract.ConfigurationError;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConnectorConfigTest {

    private static final String ARN = "arn:aws:states:eu-west-1:123456789012:stateMachine:emr-pipeline";

    @Test
    void defaultsFollowFlyteConventionsAndTheRegionComesFromTheArn() {
        ConnectorConfig config = ConnectorConfig.from(Map.of("STATE_MACHINE_ARN", ARN));

        assertEquals(8000, config.port());
        assertEquals("eu-west-1", config.region());
        assertEquals(Duration.ofSeconds(5), config.statusMaxAge());
        assertTrue(config.endpointOverride().isEmpty());
    }

    @Test
    void aMissingStateMachineArnIsNamed() {
        ConfigurationError error = assertThrows(ConfigurationError.class, () -> ConnectorConfig.from(Map.of()));

        assertEquals("Environment variable STATE_MACHINE_ARN is not set", error.getMessage());
    }

    @Test
    void anExecutionArnIsNotAStateMachineArn() {
        ConfigurationError error = assertThrows(ConfigurationError.class, () -> ConnectorConfig.from(Map.of(
                "STATE_MACHINE_ARN", "arn:aws:states:eu-west-1:123456789012:execution:emr-pipeline:run1")));

        assertTrue(error.getMessage().startsWith("Environment variable STATE_MACHINE_ARN must be a state machine ARN"));
    }

    @Test
    void aPortOutOfRangeOrNotANumberIsExplained() {
        assertEquals("Environment variable CONNECTOR_PORT must be between 1 and 65535, was 70000",
                assertThrows(ConfigurationError.class, () -> ConnectorConfig.from(Map.of(
                        "STATE_MACHINE_ARN", ARN, "CONNECTOR_PORT", "70000"))).getMessage());
        assertEquals("Environment variable CONNECTOR_PORT must be a whole number, was 'http'",
                assertThrows(ConfigurationError.class, () -> ConnectorConfig.from(Map.of(
                        "STATE_MACHINE_ARN", ARN, "CONNECTOR_PORT", "http"))).getMessage());
    }

    @Test
    void anEndpointOverrideMustBeAnAbsoluteUrl() {
        assertThrows(ConfigurationError.class, () -> ConnectorConfig.from(Map.of(
                "STATE_MACHINE_ARN", ARN, "AWS_ENDPOINT_URL", "localhost:4566")));
        assertEquals("http://127.0.0.1:4566", ConnectorConfig.from(Map.of("STATE_MACHINE_ARN", ARN,
                "AWS_ENDPOINT_URL", "http://127.0.0.1:4566")).endpointOverride().orElseThrow().toString());
    }
}
