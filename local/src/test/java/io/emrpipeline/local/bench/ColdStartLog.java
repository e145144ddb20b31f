package io.emrpipeline.local.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.emrpipeline.local.http.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one environment's log says about its cold start. The emulator writes {@code INIT REPORT
 * (durationMs: N)} (runtime start to handler built) and, per invocation, {@code REPORT ...
 * Duration: N ms}; the first invocation's Duration includes the init, which the emulator runs
 * lazily on it. The functions add their own JSON lines: "cold start" with the init sections
 * ({@code initMs.<nn>.<section>}, in build order) and "primed" with the checkpoint hook's duration.
 *
 * @param initMs INIT REPORT's duration
 * @param firstInvokeMs the first REPORT's Duration less the init
 * @param sections the handler's own init sections, in build order (empty when not logged)
 * @param primingMs what the checkpoint hook took, when it ran
 */
record ColdStartLog(double initMs, double firstInvokeMs, Map<String, Double> sections, OptionalDouble primingMs) {

    private static final Pattern INIT = Pattern.compile("INIT REPORT\\(durationMs: ([0-9.]+)\\)");
    private static final Pattern REPORT = Pattern.compile("^REPORT RequestId: .*?\\tDuration: ([0-9.]+) ms", Pattern.MULTILINE);
    private static final String SECTION_PREFIX = "initMs.";

    double totalMs() {
        return initMs + firstInvokeMs;
    }

    /** Waits (briefly) for the emulator to write the first REPORT line, then reads the log. */
    static ColdStartLog read(Path log, Duration wait) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(wait);
        String text = Files.readString(log);
        while (!REPORT.matcher(text).find() && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
            text = Files.readString(log);
        }
        return parse(text, log);
    }

    static ColdStartLog parse(String text, Path source) {
        Matcher init = INIT.matcher(text);
        Matcher report = REPORT.matcher(text);
        if (!init.find() || !report.find()) {
            throw new IllegalStateException("no INIT REPORT / REPORT line in " + source);
        }
        double initMs = Double.parseDouble(init.group(1));
        double firstMs = Double.parseDouble(report.group(1)) - initMs;
        Map<String, Double> sections = new LinkedHashMap<>();
        OptionalDouble priming = OptionalDouble.empty();
        for (String line : text.lines().filter(l -> l.startsWith("{")).toList()) {
            JsonNode json = Json.parse(line);
            String message = json.path("message").asText();
            if (message.equals("cold start")) {
                json.fields().forEachRemaining(field -> {
                    if (field.getKey().startsWith(SECTION_PREFIX)) {
                        // initMs.<nn>.<section>: nn keeps the build order through the layout's sorting.
                        String numbered = field.getKey().substring(SECTION_PREFIX.length());
                        sections.put(numbered.substring(numbered.indexOf('.') + 1), field.getValue().asDouble());
                    }
                });
            } else if (message.equals("primed")) {
                priming = OptionalDouble.of(json.path("durationMs").asDouble());
            }
        }
        return new ColdStartLog(initMs, firstMs, sections, priming);
    }

    /** Median and range of a figure over runs. */
    record Spread(double median, double min, double max) {

        static Spread of(List<Double> values) {
            List<Double> sorted = values.stream().sorted().toList();
            int n = sorted.size();
            double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
            return new Spread(median, sorted.get(0), sorted.get(n - 1));
        }
    }
}
