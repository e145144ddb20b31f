package io.emrpipeline.local.iam;

import com.fasterxml.jackson.databind.JsonNode;
import io.emrpipeline.local.http.Json;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which state machine issued each task token. Step Functions authorizes SendTaskSuccess,
 * SendTaskFailure and SendTaskHeartbeat against the state machine whose execution issued the
 * token, and a token is opaque, so the gateway learns the pairing where it passes by: in the
 * payload of the {@code .waitForTaskToken} Invoke, which carries the token and the execution ARN
 * ({@code {"taskToken": …, "execution": {"arn": …}}}, as pipeline.asl.json passes them).
 */
public final class TaskTokenOrigins {

    private final Map<String, String> stateMachineByToken = new ConcurrentHashMap<>();

    /** Learns from an Invoke payload; payloads without a token and an execution ARN are ignored. */
    public void learnFromInvokePayload(byte[] payload) {
        JsonNode body;
        try {
            body = Json.parse(payload);
        } catch (IllegalArgumentException notJson) {
            return;
        }
        String token = Json.text(body, "taskToken");
        String executionArn = body.path("execution").path("arn").asText("");
        if (token != null) {
            stateMachineOfExecution(executionArn).ifPresent(stateMachine -> stateMachineByToken.put(token, stateMachine));
        }
    }

    public Optional<String> stateMachineOf(String taskToken) {
        return Optional.ofNullable(taskToken).map(stateMachineByToken::get);
    }

    /** {@code arn:aws:states:r:a:execution:Machine:name} → {@code arn:aws:states:r:a:stateMachine:Machine}. */
    static Optional<String> stateMachineOfExecution(String executionArn) {
        String[] parts = executionArn.split(":");
        if (parts.length < 8 || !parts[2].equals("states") || !parts[5].equals("execution")) {
            return Optional.empty();
        }
        return Optional.of(String.join(":", parts[0], parts[1], parts[2], parts[3], parts[4], "stateMachine", parts[6]));
    }
}
