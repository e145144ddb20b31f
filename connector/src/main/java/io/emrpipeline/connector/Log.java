package io.emrpipeline.connector;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/** One JSON line per event worth knowing, with the execution it concerns. */
public final class Log {

    private final String component;

    private Log(String component) {
        this.component = component;
    }

    public static Log of(Class<?> type) {
        return new Log(type.getSimpleName());
    }

    public void info(String message, String... keyValues) {
        write("INFO", message, keyValues);
    }

    public void warn(String message, String... keyValues) {
        write("WARN", message, keyValues);
    }

    private void write(String level, String message, String... keyValues) {
        ObjectNode line = Json.object()
                .put("time", Instant.now().toString())
                .put("level", level)
                .put("component", component)
                .put("message", message);
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            line.put(keyValues[i], keyValues[i + 1]);
        }
        System.out.println(Json.string(line));
    }
}
