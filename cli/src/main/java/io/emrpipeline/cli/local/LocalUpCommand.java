package io.emrpipeline.cli.local;

import io.emrpipeline.cli.CliError;
import io.emrpipeline.cli.ExitCode;
import io.emrpipeline.cli.output.Terminal;
import io.emrpipeline.cli.targets.LocalEndpoint;
import io.emrpipeline.local.LocalGateway;
import io.emrpipeline.local.LocalPipeline;
import io.emrpipeline.local.spark.ConsoleRouting;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code local up}: starts the local pipeline and keeps it running until Ctrl-C, announcing its
 * endpoint in a file every {@code --target local} command reads. Jobs run in a real local Spark
 * unless {@code --simulated}.
 */
@Command(name = "up", mixinStandardHelpOptions = true,
        description = {"Start the local pipeline and keep it running until Ctrl-C.",
            "Other commands reach it with --target local (the endpoint file below says where it is)."})
public final class LocalUpCommand implements Callable<Integer> {

    @ParentCommand
    LocalCommand local;

    @Option(names = "--simulated", description = "Jobs do not run: each succeeds after 300 ms (no Spark; for trying the commands).")
    boolean simulated;

    @Option(names = "--endpoint-file", paramLabel = "PATH",
            description = "Where to announce the endpoint (default: $EMR_PIPELINE_LOCAL_ENDPOINT, else local/target/local-endpoint.json).")
    Path endpointFile;

    @Override
    public Integer call() throws InterruptedException {
        Terminal terminal = local.root().terminal();
        Path repoRoot = LocalEndpoint.repositoryRoot();
        Path file = endpointFile != null ? endpointFile : LocalEndpoint.defaultFile(local.root().environment());
        ConsoleRouting routing = LocalRunCommand.routeLogs(repoRoot.resolve("local/target/local-up/pipeline.log"));
        long started = System.nanoTime();
        terminal.out().println("starting the local pipeline (moto, the local gateway, the functions in AWS's Lambda runtime"
                + (simulated ? ", simulated jobs" : ", real Spark") + ") ...");
        LocalPipeline pipeline = LocalRunCommand.start(repoRoot, simulated ? LocalPipeline.Runner.SIMULATED
                : LocalPipeline.Runner.SPARK_SUBMIT);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            deleteQuietly(file);
            pipeline.close();
            terminal.out().println("local pipeline stopped");
            stopped.countDown();
        }, "local-up-stop"));
        Map<String, String> applications;
        try {
            applications = LocalApplications.create(pipeline, LocalApplications.namedByExamples(repoRoot));
            new LocalEndpoint(pipeline.gateway().endpoint(), LocalGateway.REGION, pipeline.stateMachineArn(),
                    LocalPipeline.BUCKET, ProcessHandle.current().pid(), Optional.of(pipeline.notificationsQueueUrl())).write(file);
        } catch (IOException e) {
            throw CliError.unavailable("cannot write " + file + ": " + e.getMessage(), "choose another --endpoint-file");
        }
        printBanner(terminal, pipeline, file, applications, (System.nanoTime() - started) / 1e9, routing, repoRoot);
        OnCallNotifications.printInBackground(pipeline, terminal);
        // Runs until Ctrl-C: the JVM's shutdown hook stops everything and counts the latch down.
        stopped.await();
        return ExitCode.OK;
    }

    private static void printBanner(Terminal terminal, LocalPipeline pipeline, Path file, Map<String, String> applications,
            double seconds, ConsoleRouting routing, Path repoRoot) {
        var out = terminal.out();
        out.printf("%s in %.1f s%n", terminal.green("local pipeline running"), seconds);
        out.println("  endpoint       " + pipeline.gateway().endpoint());
        out.println("  state machine  " + pipeline.stateMachineArn());
        out.println("  bucket         s3://" + LocalPipeline.BUCKET);
        applications.forEach((name, id) -> out.println("  application    " + name + " (" + id + ")"));
        out.println("  endpoint file  " + file);
        out.println("  on-call queue  " + pipeline.notificationsQueueUrl() + " (failures are printed here as they arrive)");
        out.println("  logs           " + repoRoot.relativize(routing.logFile()) + ", "
                + repoRoot.relativize(pipeline.functionLogs()) + "/");
        out.println();
        out.println("in another terminal:");
        out.println("  bin/emr-pipeline submit --target local examples/wordcount/job-request.json --wait");
        out.println("  bin/emr-pipeline list --target local");
        out.println("Ctrl-C stops it.");
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            System.err.println("could not delete " + file + ": " + e.getMessage());
        }
    }
}
