package io.emrpipeline.local.spark;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The stateDetails of a failed local run, shaped like EMR Serverless' own
 * ({@code Job failed, ExitCode: 1. Last few exceptions: …}), from the tail of the driver's output.
 *
 * <p>Where exceptions show up: under spark-submit the Python driver's stderr is merged into the
 * process's stdout, while Spark's own (log4j) log goes to stderr; both are searched. An
 * exception is the line that ends a Python traceback, a {@code Exception in thread} line, a
 * spark-submit {@code Error:} line, an unindented Java or Python exception line, or the bootstrap's
 * {@code emr-pipeline-bootstrap: <ErrorName>:} line.
 */
public final class FailureSummary {

    static final int MAX_EXCEPTIONS = 3;
    static final int MAX_LINE = 300;

    private static final Pattern JAVA_EXCEPTION = Pattern.compile("^(?:[a-z_$][\\w$]*\\.)+[A-Z][\\w$]*(?:Exception|Error)(?:: .*)?$");
    private static final Pattern PYTHON_EXCEPTION = Pattern.compile("^[A-Z]\\w*(?:Error|Exception): .*$");
    private static final Pattern LOG4J_LINE = Pattern.compile("^\\d\\d/\\d\\d/\\d\\d \\d\\d:\\d\\d:\\d\\d ");
    private static final String BOOTSTRAP = "emr-pipeline-bootstrap: ";

    private FailureSummary() {}

    /**
     * @param stdoutTail the last lines of the driver process's stdout (Python's stdout and stderr)
     * @param stderrTail the last lines of its stderr (Spark's log)
     */
    public static String stateDetails(int exitCode, List<String> stdoutTail, List<String> stderrTail) {
        Set<String> exceptions = new LinkedHashSet<>();
        exceptions.addAll(exceptions(stdoutTail));
        exceptions.addAll(exceptions(stderrTail));
        List<String> shown = new ArrayList<>(exceptions);
        if (shown.isEmpty()) {
            shown = lastPlainLines(stdoutTail.isEmpty() ? stderrTail : stdoutTail);
        }
        if (shown.size() > MAX_EXCEPTIONS) {
            shown = shown.subList(shown.size() - MAX_EXCEPTIONS, shown.size());
        }
        String prefix = "Job failed, ExitCode: " + exitCode + ".";
        return shown.isEmpty() ? prefix + " The driver wrote nothing that explains it."
                : prefix + " Last few exceptions: " + String.join("\n", shown);
    }

    static List<String> exceptions(List<String> lines) {
        List<String> found = new ArrayList<>();
        boolean inTraceback = false;
        for (String line : lines) {
            if (line.startsWith("Traceback (most recent call last):")) {
                inTraceback = true;
            } else if (inTraceback && !line.isEmpty() && !Character.isWhitespace(line.charAt(0))) {
                // The first unindented line after the frames is the exception itself.
                found.add(shorten(line));
                inTraceback = false;
            } else if (line.startsWith("Exception in thread ") || line.startsWith("Error: ")
                    || isBootstrapError(line) || JAVA_EXCEPTION.matcher(line).matches()
                    || PYTHON_EXCEPTION.matcher(line).matches()) {
                // The last case: Python errors printed without a traceback header, e.g. SyntaxError.
                found.add(shorten(line));
            }
        }
        return found;
    }

    private static boolean isBootstrapError(String line) {
        return line.startsWith(BOOTSTRAP) && !line.startsWith(BOOTSTRAP + "hint:");
    }

    private static List<String> lastPlainLines(List<String> lines) {
        List<String> plain = lines.stream()
                .filter(line -> !line.isBlank() && !LOG4J_LINE.matcher(line).find())
                .map(FailureSummary::shorten)
                .toList();
        return plain.subList(Math.max(0, plain.size() - MAX_EXCEPTIONS), plain.size());
    }

    private static String shorten(String line) {
        String trimmed = line.strip();
        return trimmed.length() <= MAX_LINE ? trimmed : trimmed.substring(0, MAX_LINE - 1) + "…";
    }
}
