package io.emrpipeline.cli.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.emrpipeline.cli.CliError;
import io.emrpipeline.cli.commands.Submission;
import io.emrpipeline.cli.output.Terminal;
import io.emrpipeline.cli.pipeline.AwsClients;
import io.emrpipeline.cli.pipeline.Executions;
import io.emrpipeline.cli.request.JobRequestFile;
import io.emrpipeline.cli.targets.LocalEndpoint;
import io.emrpipeline.cli.targets.Target;
import io.emrpipeline.cli.targets.TargetResolver;
import io.emrpipeline.local.LocalGateway;
import io.emrpipeline.local.LocalPipeline;
import io.emrpipeline.local.spark.ConsoleRouting;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code local run FILE} ({@code make run}): starts the local pipeline, creates the application the
 * request names, submits it with {@code submit --wait}'s own code, prints the result and what the
 * job wrote, and stops everything.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Start the local pipeline, run one job request through it with real Spark (as submit --wait), stop.",
            "This is `make run`."})
public final class LocalRunCommand implements Callable<Integer> {

    @ParentCommand
    LocalCommand local;

    @Parameters(paramLabel = "FILE", description = "The job request (relative to here or to the repository).")
    Path file;

    @Override
    public Integer call() throws InterruptedException {
        Terminal terminal = local.root().terminal();
        Path repoRoot = LocalEndpoint.repositoryRoot();
        Path request = Files.exists(file) || file.isAbsolute() ? file : repoRoot.resolve(file);
        JsonNode json = JobRequestFile.read(request);
        ConsoleRouting routing = routeLogs(repoRoot.resolve("local/target/local-run/pipeline.log"));
        long started = System.nanoTime();
        terminal.out().println("emr-pipeline local run: " + file);
        try (LocalPipeline pipeline = start(repoRoot, LocalPipeline.Runner.SPARK_SUBMIT)) {
            terminal.out().printf("  local AWS ready at %s (%.1f s)%n", pipeline.gateway().endpoint(),
                    (System.nanoTime() - started) / 1e9);
            LocalApplications.create(pipeline, LocalApplications.namedBy(json))
                    .forEach((name, id) -> terminal.out().println("  application " + name + " created: " + id));
            LocalEndpoint endpoint = new LocalEndpoint(pipeline.gateway().endpoint(), LocalGateway.REGION,
                    pipeline.stateMachineArn(), LocalPipeline.BUCKET, ProcessHandle.current().pid(), Optional.empty());
            Target target = TargetResolver.localTarget(endpoint, "--target local");
            int exit;
            try (AwsClients aws = new AwsClients(target)) {
                exit = new Submission(new Executions(target, aws), terminal)
                        .submit(json, file.toString(), new Submission.Options(Optional.empty(), true, false, Optional.empty(), false));
                OutputPreview.print(json, aws.s3(), terminal);
            }
            terminal.out().println("  pipeline log: " + repoRoot.relativize(routing.logFile()));
            terminal.out().println("  function logs: " + repoRoot.relativize(pipeline.functionLogs()) + "/ (one file per Lambda environment)");
            terminal.out().println("  (links and commands above need the pipeline running: `bin/emr-pipeline local up`)");
            return exit;
        } finally {
            terminal.out().printf("local pipeline stopped; %.1f s in all%n", (System.nanoTime() - started) / 1e9);
        }
    }

    /** The in-process pipeline's own output (handlers' JSON lines, the gateway's log) goes to a file, not the terminal. */
    static ConsoleRouting routeLogs(Path logFile) {
        try {
            return ConsoleRouting.toFile(logFile);
        } catch (IOException e) {
            throw CliError.unavailable("cannot write the pipeline's log " + logFile + ": " + e.getMessage(),
                    "check that local/target is writable");
        }
    }

    static LocalPipeline start(Path repoRoot, LocalPipeline.Runner runner) throws InterruptedException {
        try {
            return LocalPipeline.start(repoRoot, runner);
        } catch (IOException | IllegalStateException e) {
            throw CliError.unavailable("the local pipeline did not start: " + e.getMessage(),
                    "run `make setup` (the venv, the Lambda runtime emulator) and `make cli`, then try again");
        }
    }
}
