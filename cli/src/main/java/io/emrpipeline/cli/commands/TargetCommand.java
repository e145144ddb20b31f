package io.emrpipeline.cli.commands;

import io.emrpipeline.cli.EmrPipelineCli;
import io.emrpipeline.cli.output.Terminal;
import io.emrpipeline.cli.pipeline.AwsClients;
import io.emrpipeline.cli.pipeline.Executions;
import io.emrpipeline.cli.targets.Target;
import io.emrpipeline.cli.targets.TargetOptions;
import io.emrpipeline.cli.targets.TargetResolver;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** A command that acts on one pipeline: resolves the target, builds its clients, runs, closes them. */
abstract class TargetCommand implements Callable<Integer> {

    @ParentCommand
    EmrPipelineCli root;

    @Mixin
    TargetOptions targetOptions;

    @Mixin
    OutputOptions output;

    @Override
    public final Integer call() throws InterruptedException {
        checkArguments();
        Target target = new TargetResolver(root.environment()).resolve(targetOptions);
        try (AwsClients aws = new AwsClients(target)) {
            return run(new Executions(target, aws), terminal());
        }
    }

    /** Usage errors the parser cannot see, found before any call to the target. */
    void checkArguments() {
    }

    abstract int run(Executions executions, Terminal terminal) throws InterruptedException;

    Terminal terminal() {
        return output.noColor ? root.terminal().withoutColour() : root.terminal();
    }
}
