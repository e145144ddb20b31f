package io.emrpipeline.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import io.emrpipeline.cli.CliError;
import io.emrpipeline.cli.output.Terminal;
import io.emrpipeline.cli.pipeline.Executions;
import io.emrpipeline.cli.request.JobRequestFile;
import io.emrpipeline.cli.request.Overrides;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code submit FILE [--set k=v ...] [--wait] [--logs]}. */
@Command(name = "submit", mixinStandardHelpOptions = true,
        description = {"Start an execution of a job request; with --wait, follow it to the end.",
            "Exit code with --wait: 0 the job succeeded, 1 it failed or was cancelled; 2 an invalid request (nothing started)."})
public final class SubmitCommand extends TargetCommand {

    @Parameters(paramLabel = "FILE", description = "The job request (JSON; docs/job-request.md).")
    Path file;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Change one field first: timeoutMinutes=10, job.arguments[1]=s3://b/out/, "
                    + "job.sparkConf[spark.executor.memory]=4g. Repeatable.")
    List<String> settings = List.of();

    @Option(names = "--wait", description = "Print each state of the job as it happens, then the result with cost and links.")
    boolean wait;

    @Option(names = "--logs", description = "With --wait: then print the driver's stdout (its stderr when the job failed).")
    boolean logs;

    @Option(names = "--name", paramLabel = "NAME", description = "The execution's name (default: <request name>-<time>-<4 hex>).")
    String name;

    @Option(names = "--wait-minutes", paramLabel = "N",
            description = "With --wait: stop waiting after N minutes (default: the request's timeoutMinutes + 15).")
    Long waitMinutes;

    @Override
    void checkArguments() {
        if (logs && !wait) {
            throw CliError.badRequest("--logs needs --wait (the logs exist once the job has ended)",
                    "add --wait, or read them later with `emr-pipeline logs EXECUTION`");
        }
    }

    @Override
    int run(Executions executions, Terminal terminal) throws InterruptedException {
        JsonNode request = Overrides.apply(JobRequestFile.read(file), settings);
        Submission.Options options = new Submission.Options(Optional.ofNullable(name), wait, logs,
                Optional.ofNullable(waitMinutes).map(Duration::ofMinutes), output.json());
        return new Submission(executions, terminal).submit(request, file.toString(), options);
    }
}
