package io.emrpipeline.cli;

import io.emrpipeline.cli.output.Terminal;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * A command's failure as two lines a person can act on: {@code error: what went wrong} and
 * {@code fix: what to do}. An unexpected exception is a bug: its class and message, and where to
 * find more, never a stack trace on the terminal unless EMR_PIPELINE_DEBUG is set.
 */
final class ErrorReporter implements IExecutionExceptionHandler {

    /** Exit code of a bug in the command itself (sysexits' EX_SOFTWARE). */
    static final int BUG = 70;

    private final Terminal terminal;

    ErrorReporter(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public int handleExecutionException(Exception exception, CommandLine commandLine, ParseResult parseResult) {
        if (exception instanceof CliError error) {
            terminal.err().println(terminal.red("error:") + " " + error.getMessage());
            if (error.fix() != null) {
                terminal.err().println(terminal.bold("fix:") + "   " + error.fix());
            }
            return error.exitCode();
        }
        if (exception instanceof InterruptedException) {
            terminal.err().println("interrupted");
            return ExitCode.INTERRUPTED;
        }
        terminal.err().println(terminal.red("error:") + " unexpected " + exception.getClass().getName() + ": "
                + exception.getMessage());
        terminal.err().println(terminal.bold("fix:") + "   this is a bug in emr-pipeline; run again with EMR_PIPELINE_DEBUG=1 "
                + "for the stack trace and report it");
        if (System.getenv("EMR_PIPELINE_DEBUG") != null) {
            for (StackTraceElement frame : exception.getStackTrace()) {
                terminal.err().println("    at " + frame);
            }
        }
        return BUG;
    }
}
