package io.emrpipeline.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.emrpipeline.cli.CliError;
import io.emrpipeline.cli.EmrPipelineCli;
import io.emrpipeline.cli.ExitCode;
import io.emrpipeline.cli.output.Terminal;
import io.emrpipeline.cli.request.JobRequestFile;
import io.emrpipeline.cli.request.OfflineValidation;
import io.emrpipeline.cli.request.Overrides;
import io.emrpipeline.core.Json;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code validate FILE...}: the job-request checks, offline; every problem with its JSON path. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check job requests offline against the schema and the pipeline's rules; every problem with its path.",
            "Only the deployment's allowed execution roles are not checked. Exit code: 0 all valid, 2 any invalid."})
public final class ValidateCommand implements Callable<Integer> {

    @ParentCommand
    EmrPipelineCli root;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Job request files.")
    List<Path> files;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "As for submit: change a field before checking. Repeatable.")
    List<String> settings = List.of();

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        Terminal terminal = output.noColor ? root.terminal().withoutColour() : root.terminal();
        OfflineValidation validation = new OfflineValidation();
        ArrayNode results = Json.MAPPER.createArrayNode();
        boolean allValid = true;
        for (Path file : files) {
            List<String> problems;
            try {
                JsonNode request = Overrides.apply(JobRequestFile.read(file), settings);
                problems = validation.problems(request);
            } catch (CliError e) {
                problems = List.of(e.getMessage());
            }
            allValid &= problems.isEmpty();
            var result = results.addObject().put("file", file.toString()).put("valid", problems.isEmpty());
            problems.forEach(result.putArray("problems")::add);
            if (!output.json()) {
                print(terminal, file, problems);
            }
        }
        if (output.json()) {
            terminal.out().println(results.toPrettyString());
        }
        return allValid ? ExitCode.OK : ExitCode.BAD_REQUEST;
    }

    private static void print(Terminal terminal, Path file, List<String> problems) {
        if (problems.isEmpty()) {
            terminal.out().println(terminal.green("valid") + "    " + file);
            return;
        }
        terminal.out().println(terminal.red("invalid") + "  " + file + " (" + problems.size() + " problem"
                + (problems.size() == 1 ? "" : "s") + ")");
        problems.forEach(problem -> terminal.out().println("  " + problem));
    }
}
