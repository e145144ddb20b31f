package io.emrpipeline.cli.output;

import java.io.PrintStream;
import java.util.Map;

/**
 * Where the command writes, and how: results on {@link #out()}, progress and errors on
 * {@link #err()}. Colour and in-place progress only on a terminal (never in a pipe, a file or
 * a test), and never when {@code NO_COLOR} is set or {@code TERM=dumb}.
 */
public final class Terminal {

    private static final String RESET = "\u001b[0m";

    private final PrintStream out;
    private final PrintStream err;
    private final boolean interactive;
    private final boolean colour;

    public Terminal(PrintStream out, PrintStream err, boolean interactive, boolean colour) {
        this.out = out;
        this.err = err;
        this.interactive = interactive;
        this.colour = colour;
    }

    /** The process's own streams, colour decided from the environment. */
    public static Terminal system() {
        return of(System.out, System.err, System.getenv());
    }

    public static Terminal of(PrintStream out, PrintStream err, Map<String, String> environment) {
        boolean tty = System.console() != null;
        boolean colour = tty && !environment.containsKey("NO_COLOR") && !"dumb".equals(environment.get("TERM"));
        return new Terminal(out, err, tty, colour);
    }

    /** Plain output to the given streams: no colour, no in-place progress (tests, files). */
    public static Terminal plain(PrintStream out, PrintStream err) {
        return new Terminal(out, err, false, false);
    }

    public PrintStream out() {
        return out;
    }

    public PrintStream err() {
        return err;
    }

    /** Whether progress may redraw a line in place. */
    public boolean interactive() {
        return interactive;
    }

    public Terminal withoutColour() {
        return new Terminal(out, err, interactive, false);
    }

    public String bold(String text) {
        return paint("1", text);
    }

    public String dim(String text) {
        return paint("2", text);
    }

    public String green(String text) {
        return paint("32", text);
    }

    public String red(String text) {
        return paint("31", text);
    }

    public String yellow(String text) {
        return paint("33", text);
    }

    /** A status word in the colour people expect: green done, red failed, yellow still going. */
    public String status(String status) {
        return switch (status) {
            case "SUCCEEDED", "SUCCESS" -> green(status);
            case "FAILED", "TIMED_OUT", "ABORTED", "CANCELLED" -> red(status);
            default -> yellow(status);
        };
    }

    private String paint(String code, String text) {
        return colour ? "\u001b[" + code + "m" + text + RESET : text;
    }
}
