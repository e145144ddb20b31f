package io.emrpipeline.cli.output;

import io.emrpipeline.cli.pipeline.JobRunRef;
import io.emrpipeline.cli.pipeline.Watcher;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;

/**
 * What a person sees while a job runs: one timestamped line per job-run state, and on a terminal
 * a last line redrawn in place with the current state and the time so far.
 */
public final class ProgressPrinter implements Watcher.Listener {

    private static final String CLEAR_LINE = "\r\u001b[K";

    private final Terminal terminal;
    private final PrintStream out;
    private final Clock clock;
    private boolean progressShown;

    public ProgressPrinter(Terminal terminal, PrintStream out, Clock clock) {
        this.terminal = terminal;
        this.out = out;
        this.clock = clock;
    }

    @Override
    public void jobRunStarted(JobRunRef ref) {
        line("job run " + ref.jobRunId() + " started on application " + ref.applicationId());
    }

    @Override
    public void jobRunState(String state, String stateDetails, int attempt) {
        String details = stateDetails == null || stateDetails.isBlank() ? "" : "  " + terminal.dim(firstLine(stateDetails));
        line(terminal.status(state) + (attempt > 1 ? " (attempt " + attempt + ")" : "") + details);
    }

    @Override
    public void waiting(String state, Duration elapsed) {
        if (terminal.interactive()) {
            out.print(CLEAR_LINE + "  " + terminal.dim("… " + state + " for " + Formats.duration(elapsed)));
            out.flush();
            progressShown = true;
        }
    }

    /** Clears the in-place line, so what follows starts on a clean line. */
    public void done() {
        if (progressShown) {
            out.print(CLEAR_LINE);
            out.flush();
            progressShown = false;
        }
    }

    public void line(String text) {
        done();
        out.println("  " + terminal.dim(Formats.clock(clock.instant(), ZoneId.systemDefault())) + "  " + text);
    }

    private static String firstLine(String text) {
        String first = text.strip().lines().findFirst().orElse("");
        return first.length() > 160 ? first.substring(0, 159) + "…" : first;
    }
}
