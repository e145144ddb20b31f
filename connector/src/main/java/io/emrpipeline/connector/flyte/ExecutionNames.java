package io.emrpipeline.connector.flyte;

import flyteidl.admin.AgentOuterClass.TaskExecutionMetadata;
import flyteidl.core.IdentifierOuterClass.TaskExecutionIdentifier;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The execution name for a Flyte task attempt. The same attempt always gets the same name, so a
 * retried CreateTask finds the execution it started; a new attempt (a Flyte retry) gets a new
 * one. Readable prefix for the console, hash suffix for uniqueness within the 80-character limit.
 */
public final class ExecutionNames {

    static final int MAX_LENGTH = 80;
    private static final int HASH_CHARS = 16;

    public String forTask(TaskExecutionMetadata metadata) {
        if (!metadata.hasTaskExecutionId() || !metadata.getTaskExecutionId().hasNodeExecutionId()) {
            throw new InvalidTask("CreateTask came without task_execution_metadata.task_execution_id; the connector "
                    + "needs it to name the execution so that a retried CreateTask does not start a second job");
        }
        TaskExecutionIdentifier id = metadata.getTaskExecutionId();
        var node = id.getNodeExecutionId();
        var workflow = node.getExecutionId();
        String identity = String.join("/", workflow.getProject(), workflow.getDomain(), workflow.getName(),
                node.getNodeId(), id.getTaskId().getName(), Integer.toString(id.getRetryAttempt()));
        String readable = sanitize("flyte-" + workflow.getName() + "-" + node.getNodeId() + "-" + id.getRetryAttempt());
        int room = MAX_LENGTH - HASH_CHARS - 1;
        if (readable.length() > room) {
            readable = readable.substring(0, room);
        }
        return readable + "-" + sha256(identity).substring(0, HASH_CHARS);
    }

    /** Step Functions names allow letters, digits, '-' and '_'. */
    private static String sanitize(String text) {
        return text.replaceAll("[^A-Za-z0-9_-]", "-");
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
