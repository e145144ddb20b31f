package io.emrpipeline.handlers;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.logging.log4j.CloseableThreadContext;
import org.apache.logging.log4j.LogManager;

/**
 * Where this container's init time went: the composition root times each thing it builds the
 * first time (a section also pays for the classes it is the first to load, so order matters),
 * and the handler logs them once, as one "cold start" line with an {@code initMs.<nn>.<section>}
 * field each, when it is built. The remainder of Lambda's Init Duration is the JVM, the
 * runtime client and the loading of the handler class itself.
 */
public final class ColdStart {

    private static final Map<String, Long> SECTIONS_NANOS = new LinkedHashMap<>();
    private static boolean reported;

    private ColdStart() {}

    /** Runs {@code work} and, the first time a section of that name runs in this JVM, records how long it took. */
    public static <T> T time(String section, Supplier<T> work) {
        long start = System.nanoTime();
        T result = work.get();
        long took = System.nanoTime() - start;
        synchronized (ColdStart.class) {
            SECTIONS_NANOS.putIfAbsent(section, took);
        }
        return result;
    }

    /** Logs the sections recorded so far, once per JVM; the handlers' no-arg constructors call it last. */
    public static void report() {
        Map<String, String> fields = new LinkedHashMap<>();
        synchronized (ColdStart.class) {
            if (reported) {
                return;
            }
            reported = true;
            // Numbered, because the log layout sorts the fields by name.
            int order = 0;
            for (Map.Entry<String, Long> section : SECTIONS_NANOS.entrySet()) {
                fields.put(String.format(Locale.ROOT, "initMs.%02d.%s", ++order, section.getKey()), millis(section.getValue()));
            }
        }
        try (var context = CloseableThreadContext.putAll(fields)) {
            LogManager.getLogger(ColdStart.class).info("cold start");
        }
    }

    static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1e6);
    }
}
