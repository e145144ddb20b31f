package io.emrpipeline.connector.config;

import io.emrpipeline.contract.ConfigurationError;
import io.emrpipeline.contract.Environment;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The connector's settings, read once at start from environment variables.
 *
 * @param stateMachineArn STATE_MACHINE_ARN: the pipeline's state machine (required)
 * @param region AWS_REGION, else the state machine ARN's region
 * @param endpointOverride AWS_ENDPOINT_URL: send Step Functions calls there (local gateway, emulators)
 * @param port CONNECTOR_PORT: gRPC port, 8000 by default (the Flyte connector convention)
 * @param statusMaxAge CONNECTOR_STATUS_MAX_AGE_SECONDS: a running execution's status younger than
 *     this is answered from memory, so bursts of GetTask cost no extra Step Functions reads (5 s)
 * @param shutdownGrace CONNECTOR_SHUTDOWN_GRACE_SECONDS: how long calls in flight may finish on SIGTERM (20 s)
 * @param trackedExecutions CONNECTOR_TRACKED_EXECUTIONS: how many executions' statuses are kept (10000)
 */
public record ConnectorConfig(
        String stateMachineArn,
        String region,
        Optional<URI> endpointOverride,
        int port,
        Duration statusMaxAge,
        Duration shutdownGrace,
        int trackedExecutions) {

    private static final Pattern STATE_MACHINE_ARN =
            Pattern.compile("arn:aws[a-zA-Z-]*:states:([a-z0-9-]+):[0-9]{12}:stateMachine:[A-Za-z0-9_-]{1,80}");

    public static ConnectorConfig fromEnvironment() {
        return from(System.getenv());
    }

    public static ConnectorConfig from(Map<String, String> variables) {
        Environment env = new Environment(variables);
        String arn = env.required("STATE_MACHINE_ARN");
        Matcher matcher = STATE_MACHINE_ARN.matcher(arn);
        if (!matcher.matches()) {
            throw new ConfigurationError("STATE_MACHINE_ARN",
                    "must be a state machine ARN (arn:aws:states:<region>:<account>:stateMachine:<name>), was '" + arn + "'");
        }
        return new ConnectorConfig(
                arn,
                env.optional("AWS_REGION").orElse(matcher.group(1)),
                env.url("AWS_ENDPOINT_URL"),
                env.integer("CONNECTOR_PORT", 8000, 1, 65535),
                Duration.ofSeconds(env.integer("CONNECTOR_STATUS_MAX_AGE_SECONDS", 5, 0, 3600)),
                Duration.ofSeconds(env.integer("CONNECTOR_SHUTDOWN_GRACE_SECONDS", 20, 0, 600)),
                env.integer("CONNECTOR_TRACKED_EXECUTIONS", 10_000, 1, 10_000_000));
    }

    /** The same settings with another port (tests pick a free one). */
    public ConnectorConfig withPort(int newPort) {
        return new ConnectorConfig(stateMachineArn, region, endpointOverride, newPort, statusMaxAge, shutdownGrace,
                trackedExecutions);
    }
}
