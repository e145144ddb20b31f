package io.emrpipeline.core.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import io.emrpipeline.core.Json;
import io.emrpipeline.core.TaskCallbacks;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Step Functions' task tokens as the pipeline meets them: a token takes one answer, and one that
 * is closed (answered, timed out, execution ended) is refused, as SendTaskSuccess refuses it with
 * TaskTimedOut or InvalidToken.
 */
public final class RecordingTaskCallbacks implements TaskCallbacks {

    /** One accepted SendTaskSuccess. */
    public record Sent(String taskToken, JsonNode output) {}

    private final List<Sent> sent = new ArrayList<>();
    private final Set<String> closed = new HashSet<>();
    private int refused;
    private boolean lenient;

    /**
     * Accept every answer, as the local emulator does, instead of refusing a closed token as Step
     * Functions does: exactly-once must hold without that refusal.
     */
    public void acceptEveryAnswer() {
        lenient = true;
    }

    /** The task stopped waiting (heartbeat timeout, execution stopped): its token is refused from now on. */
    public void close(String taskToken) {
        closed.add(taskToken);
    }

    @Override
    public synchronized boolean sendSuccess(String taskToken, String outputJson) {
        if (!closed.add(taskToken) && !lenient) {
            refused++;
            return false;
        }
        sent.add(new Sent(taskToken, Json.parse(outputJson.getBytes(StandardCharsets.UTF_8))));
        return true;
    }

    public synchronized List<Sent> sent() {
        return List.copyOf(sent);
    }

    /** How many answers Step Functions refused because their token was closed. */
    public int refused() {
        return refused;
    }
}
