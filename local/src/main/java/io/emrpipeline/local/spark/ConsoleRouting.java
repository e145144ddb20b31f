package io.emrpipeline.local.spark;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.logging.StreamHandler;

/**
 * Keeps the terminal for the person running the pipeline: everything the in-process pipeline
 * prints — the handlers' one-JSON-line-per-event logs on stdout, the gateway's java.util.logging
 * records, library warnings on stderr — goes to one log file instead. What is meant for the
 * person is written to {@link #console()}.
 */
public final class ConsoleRouting {

    private final PrintStream console;
    private final PrintStream errors;
    private final Path logFile;

    private ConsoleRouting(PrintStream console, PrintStream errors, Path logFile) {
        this.console = console;
        this.errors = errors;
        this.logFile = logFile;
    }

    /** Sends System.out, System.err and java.util.logging to {@code logFile} (replaced). */
    public static ConsoleRouting toFile(Path logFile) throws IOException {
        Files.createDirectories(logFile.getParent());
        ConsoleRouting routing = new ConsoleRouting(System.out, System.err, logFile);
        PrintStream log = new PrintStream(new FileOutputStream(logFile.toFile(), false), true, StandardCharsets.UTF_8);
        System.setOut(log);
        System.setErr(log);
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        root.addHandler(new StreamHandler(log, new SimpleFormatter()) {
            @Override
            public synchronized void publish(LogRecord record) {
                super.publish(record);
                flush();
            }
        });
        root.setLevel(Level.INFO);
        return routing;
    }

    /** The terminal's stdout. */
    public PrintStream console() {
        return console;
    }

    /** The terminal's stderr. */
    public PrintStream errors() {
        return errors;
    }

    public Path logFile() {
        return logFile;
    }
}
