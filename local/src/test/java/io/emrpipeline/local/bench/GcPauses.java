package io.emrpipeline.local.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The garbage collections of one cold start (init and first invocation), from the JVM's
 * {@code -Xlog:gc} output: a pause there is cold-start time that no code of ours spends.
 *
 * @param pauses each pause as "kind (cause) N ms", in order
 * @param totalMs their sum
 */
record GcPauses(List<String> pauses, double totalMs) {

    /** {@code GC(0) Pause Full (Metadata GC Threshold) 85M->10M(365M) 64.569ms} */
    private static final Pattern PAUSE = Pattern.compile("Pause (.+?) \\S+->\\S+ ([0-9.]+)ms");

    static GcPauses read(Path log) throws IOException {
        List<String> pauses = new ArrayList<>();
        double total = 0;
        for (String line : Files.readAllLines(log)) {
            Matcher pause = PAUSE.matcher(line);
            if (pause.find()) {
                double ms = Double.parseDouble(pause.group(2));
                pauses.add(String.format(Locale.ROOT, "%s %.0f ms", pause.group(1), ms));
                total += ms;
            }
        }
        return new GcPauses(pauses, total);
    }

    String describe() {
        return pauses.isEmpty() ? "no GC" : String.format(Locale.ROOT, "GC %.0f ms: %s", totalMs, String.join(", ", pauses));
    }
}
