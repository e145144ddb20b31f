package io.emrpipeline.cli;

import io.emrpipeline.cli.output.Terminal;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;

/** Wrong arguments: what was wrong, then the command's usage, exit code 2. */
final class UsageErrorReporter implements IParameterExceptionHandler {

    private final Terminal terminal;

    UsageErrorReporter(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public int handleParseException(ParameterException exception, String[] args) {
        CommandLine command = exception.getCommandLine();
        terminal.err().println(terminal.red("error:") + " " + exception.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(exception, new java.io.PrintWriter(terminal.err(), true));
        terminal.err().println(terminal.bold("fix:") + "   see the usage below, or `" + command.getCommandSpec().qualifiedName()
                + " --help`");
        terminal.err().println();
        command.usage(terminal.err(), CommandLine.Help.Ansi.OFF);
        return ExitCode.BAD_REQUEST;
    }
}
