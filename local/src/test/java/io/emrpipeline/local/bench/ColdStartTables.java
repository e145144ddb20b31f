package io.emrpipeline.local.bench;

import io.emrpipeline.local.bench.ColdStartLog.Spread;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/** The cold-start benchmark's figures, collected run by run and printed as tables. */
final class ColdStartTables {

    /**
     * Metaspace grows past its default first threshold (about 21 MB) during every cold start, which
     * costs a full GC that can free nothing; a higher threshold avoids it. A deployment setting
     * (JAVA_TOOL_OPTIONS), measured here, not applied by the project's jar.
     */
    static final String METASPACE_OPTION = "-XX:MetaspaceSize=128m";

    private final int runs;
    private final Map<String, Map<String, List<ColdStartLog>>> logs = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> classes = new LinkedHashMap<>();
    private final StringBuilder out = new StringBuilder();

    ColdStartTables(int runs) {
        this.runs = runs;
    }

    void add(String function, String variant, ColdStartLog log) {
        logs.computeIfAbsent(function, f -> new LinkedHashMap<>()).computeIfAbsent(variant, v -> new ArrayList<>()).add(log);
    }

    void addClasses(String function, String variant, Map<String, Integer> counts, GcPauses gc) {
        classes.computeIfAbsent(function, f -> new LinkedHashMap<>())
                .put(variant, ClassLoadProfile.describe(counts) + "; " + gc.describe());
    }

    String render() {
        line("Cold start per function through AWS's Java runtime (runtime interface emulator), %d fresh environments"
                + " per function and build, interleaved; median [min-max] ms; ratio = median of the per-run project/naive ratios."
                + " project = the functions jar;"
                + " naive = same handlers, XClient.create() clients, Apache HTTP, all built at init, no priming.", runs);
        line("%-16s | %-39s | %-39s | %-39s", "", "init (INIT REPORT)", "first invoke (REPORT - init)", "init + first invoke");
        line("%-16s | %-16s %-16s %5s | %-16s %-16s %5s | %-16s %-16s %5s", "function",
                "project", "naive", "ratio", "project", "naive", "ratio", "project", "naive", "ratio");
        for (String function : logs.keySet()) {
            line("%-16s | %s | %s | %s", function, compare(function, ColdStartLog::initMs),
                    compare(function, ColdStartLog::firstInvokeMs), compare(function, ColdStartLog::totalMs));
        }
        renderSnapStart();
        renderTuned();
        renderSections();
        renderClasses();
        return out.toString();
    }

    private void renderSnapStart() {
        line("");
        line("SnapStart priming (no snapshot locally): the project's jar with its checkpoint hook run at the end of init,"
                + " as Lambda runs it before taking the snapshot. A SnapStart cold start restores the snapshot"
                + " (not measurable here) and then pays only 'first invoke after priming'.");
        line("%-16s | %-16s %-16s | %-16s %-16s | %s", "function", "init+priming", "of it priming",
                "first invoke", "(unprimed)", "first invoke / naive init+first");
        for (String function : logs.keySet()) {
            Spread first = spread(function, "snapstart", ColdStartLog::firstInvokeMs);
            line("%-16s | %-16s %-16s | %-16s %-16s | %.2f", function,
                    cell(spread(function, "snapstart", ColdStartLog::initMs)),
                    cell(spread(function, "snapstart", log -> log.primingMs().orElse(Double.NaN))),
                    cell(first), cell(spread(function, "project", ColdStartLog::firstInvokeMs)),
                    first.median() / spread(function, "naive", ColdStartLog::totalMs).median());
        }
    }

    private void renderTuned() {
        line("");
        line("Deployment setting, not applied: the project's jar with JAVA_TOOL_OPTIONS=%s (no full GC at the"
                + " metaspace threshold); ratio = median of the per-run ratios to naive.", METASPACE_OPTION);
        line("%-16s | %-16s %-16s %-16s | %s", "function", "init", "first invoke", "init+first", "init+first ratio");
        for (String function : logs.keySet()) {
            List<ColdStartLog> tuned = logs.get(function).get("metaspace");
            List<ColdStartLog> naive = logs.get(function).get("naive");
            List<Double> ratios = new ArrayList<>();
            for (int run = 0; run < tuned.size(); run++) {
                ratios.add(tuned.get(run).totalMs() / naive.get(run).totalMs());
            }
            line("%-16s | %-16s %-16s %-16s | %.2f", function, cell(spread(function, "metaspace", ColdStartLog::initMs)),
                    cell(spread(function, "metaspace", ColdStartLog::firstInvokeMs)),
                    cell(spread(function, "metaspace", ColdStartLog::totalMs)), Spread.of(ratios).median());
        }
    }

    /** Medians of the handler's own init sections; "runtime" is the rest of INIT REPORT (JVM, runtime client, class loading). */
    private void renderSections() {
        line("");
        line("Where init goes: the handler's init sections in build order (median ms; a section also pays for the classes"
                + " it is first to load), 'runtime' = INIT REPORT minus the sections (JVM start, runtime client, handler class).");
        for (String function : logs.keySet()) {
            for (String variant : List.of("project", "naive")) {
                List<ColdStartLog> runLogs = logs.get(function).get(variant);
                Set<String> names = new LinkedHashSet<>();
                runLogs.forEach(log -> names.addAll(log.sections().keySet()));
                StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "runtime %.0f",
                        spread(function, variant, log -> log.initMs() - sum(log.sections())).median()));
                for (String name : names) {
                    row.append(String.format(Locale.ROOT, ", %s %.0f", name,
                            spread(function, variant, log -> log.sections().getOrDefault(name, 0.0)).median()));
                }
                line("%-16s %-8s %s", function, variant, row);
            }
        }
    }

    private void renderClasses() {
        line("");
        line("Classes loaded and GC pauses by the end of the first invocation (one more cold start under"
                + " -Xlog:class+load and -Xlog:gc), classes by library:");
        classes.forEach((function, byVariant) -> byVariant.forEach((variant, description) ->
                line("%-16s %-8s %s", function, variant, description)));
    }

    /** Both builds' figures, and the median of the per-run ratios (each run's two were measured seconds apart). */
    private String compare(String function, ToDoubleFunction<ColdStartLog> figure) {
        List<ColdStartLog> project = logs.get(function).get("project");
        List<ColdStartLog> naive = logs.get(function).get("naive");
        List<Double> ratios = new ArrayList<>();
        for (int run = 0; run < project.size(); run++) {
            ratios.add(figure.applyAsDouble(project.get(run)) / figure.applyAsDouble(naive.get(run)));
        }
        return String.format(Locale.ROOT, "%-16s %-16s %5.2f", cell(spread(function, "project", figure)),
                cell(spread(function, "naive", figure)), Spread.of(ratios).median());
    }

    private Spread spread(String function, String variant, ToDoubleFunction<ColdStartLog> figure) {
        return Spread.of(logs.get(function).get(variant).stream().map(figure::applyAsDouble).toList());
    }

    private static String cell(Spread spread) {
        return String.format(Locale.ROOT, "%.0f [%.0f-%.0f]", spread.median(), spread.min(), spread.max());
    }

    private static double sum(Map<String, Double> sections) {
        return sections.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    private void line(String format, Object... args) {
        out.append(String.format(Locale.ROOT, format, args)).append('\n');
    }
}
