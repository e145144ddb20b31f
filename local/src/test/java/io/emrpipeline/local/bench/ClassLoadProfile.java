package io.emrpipeline.local.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How many classes a cold start loads (through its first invocation), by library, from the
 * JVM's {@code -Xlog:class+load} output. Each class loaded is parsed, verified and initialized
 * on the cold-start path, so the counts point at where init time goes.
 */
final class ClassLoadProfile {

    /** Library groups, first match wins: the class-name prefixes of each. */
    private static final Map<String, List<String>> GROUPS = groups();

    private ClassLoadProfile() {}

    /** The JVM option that writes the log this class reads. */
    static String jvmOption(Path file) {
        return "-Xlog:class+load=info:file=" + file;
    }

    /** Classes loaded per group, in {@link #GROUPS} order, plus "total". */
    static Map<String, Integer> read(Path file) throws IOException {
        Map<String, Integer> counts = new LinkedHashMap<>();
        GROUPS.keySet().forEach(group -> counts.put(group, 0));
        int total = 0;
        for (String line : Files.readAllLines(file)) {
            int end = line.indexOf(" source: ");
            if (end < 0) {
                continue;
            }
            int start = line.lastIndexOf(' ', end - 1) + 1;
            counts.merge(groupOf(line.substring(start, end)), 1, Integer::sum);
            total++;
        }
        counts.put("total", total);
        return counts;
    }

    static List<String> groupNames() {
        return List.copyOf(GROUPS.keySet());
    }

    private static String groupOf(String className) {
        for (Map.Entry<String, List<String>> group : GROUPS.entrySet()) {
            if (group.getValue().stream().anyMatch(className::startsWith)) {
                return group.getKey();
            }
        }
        return "other";
    }

    private static Map<String, List<String>> groups() {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        groups.put("project", List.of("io.emrpipeline."));
        groups.put("SDK services", List.of("software.amazon.awssdk.services."));
        groups.put("SDK regions", List.of("software.amazon.awssdk.regions."));
        groups.put("SDK other", List.of("software.amazon.awssdk.", "software.amazon.eventstream.", "org.reactivestreams."));
        groups.put("Apache HTTP", List.of("org.apache.http.", "org.apache.commons."));
        groups.put("Jackson", List.of("com.fasterxml.jackson."));
        groups.put("validator", List.of("com.networknt.", "com.ethlo.", "org.yaml."));
        groups.put("log4j2", List.of("org.apache.logging.", "org.slf4j."));
        groups.put("runtime", List.of("com.amazonaws.", "org.crac."));
        groups.put("JDK XML", List.of("com.sun.org.apache.", "javax.xml.", "jdk.xml.", "org.xml.", "org.w3c."));
        groups.put("JDK", List.of("java.", "javax.", "jdk.", "sun.", "com.sun."));
        groups.put("other", List.of());
        return groups;
    }

    /** "6299 = project 63, SDK services 358, …" for one profile, groups with no class left out. */
    static String describe(Map<String, Integer> counts) {
        return counts.get("total") + " = " + counts.entrySet().stream()
                .filter(e -> !e.getKey().equals("total") && e.getValue() > 0)
                .map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }
}
