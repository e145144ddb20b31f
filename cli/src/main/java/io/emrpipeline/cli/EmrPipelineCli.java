package io.emrpipeline.cli;

import io.emrpipeline.cli.commands.CancelCommand;
import io.emrpipeline.cli.commands.ListCommand;
import io.emrpipeline.cli.commands.LogsCommand;
import io.emrpipeline.cli.commands.StatusCommand;
import io.emrpipeline.cli.commands.SubmitCommand;
import io.emrpipeline.cli.commands.UiCommand;
import io.emrpipeline.cli.commands.ValidateCommand;
import io.emrpipeline.cli.local.LocalCommand;
import io.emrpipeline.cli.output.Terminal;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code emr-pipeline}: submit a job request and watch it, read an execution's status and its
 * driver's logs, list recent executions, cancel one, open its Spark UI, validate a request
 * offline — against a deployed stack or the local pipeline ({@code local up}). docs/cli.md.
 */
@Command(name = "emr-pipeline", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Run Spark jobs on Amazon EMR Serverless through the emr-pipeline state machine.",
        subcommands = {SubmitCommand.class, StatusCommand.class, ListCommand.class, LogsCommand.class,
            CancelCommand.class, UiCommand.class, ValidateCommand.class, LocalCommand.class},
        footerHeading = "%nTarget (every command but validate and local):%n",
        footer = {"  --target local, --stack NAME or --state-machine ARN; or the environment:",
            "  EMR_PIPELINE_TARGET=local, EMR_PIPELINE_STACK, EMR_PIPELINE_STATE_MACHINE.",
            "  AWS region and credentials: the standard chains (--region, --profile).",
            "",
            "Exit codes:",
            "  0 done (with submit --wait: the job succeeded)   1 the job failed or was cancelled",
            "  2 bad usage or bad request                        3 target unreachable or refused",
            "  130 interrupted",
            "",
            "Documentation: docs/cli.md"})
public final class EmrPipelineCli implements Runnable {

    private final Terminal terminal;
    private final Map<String, String> environment;

    @Spec
    CommandSpec spec;

    public EmrPipelineCli(Terminal terminal, Map<String, String> environment) {
        this.terminal = terminal;
        this.environment = environment;
    }

    public static void main(String[] args) {
        // The AWS SDK and the local pipeline log through log4j: warnings only, plainly, on stderr.
        System.setProperty("log4j2.configurationFile", "log4j2-cli.xml");
        System.exit(run(Terminal.system(), System.getenv(), args));
    }

    public static int run(Terminal terminal, Map<String, String> environment, String... args) {
        return commandLine(terminal, environment).execute(args);
    }

    static CommandLine commandLine(Terminal terminal, Map<String, String> environment) {
        CommandLine commandLine = new CommandLine(new EmrPipelineCli(terminal, environment));
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setOut(new java.io.PrintWriter(terminal.out(), true));
        commandLine.setErr(new java.io.PrintWriter(terminal.err(), true));
        commandLine.setExecutionExceptionHandler(new ErrorReporter(terminal));
        commandLine.setParameterExceptionHandler(new UsageErrorReporter(terminal));
        return commandLine;
    }

    /** No command given: the usage, as a usage error. */
    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command, e.g. `emr-pipeline submit FILE --wait`");
    }

    public Terminal terminal() {
        return terminal;
    }

    public Map<String, String> environment() {
        return environment;
    }
}
