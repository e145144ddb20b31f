package io.emrpipeline.cli.local;

import io.emrpipeline.cli.EmrPipelineCli;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code local up | run}: the whole pipeline on this machine (moto, the local gateway, Lambda, real Spark). */
@Command(name = "local", mixinStandardHelpOptions = true,
        description = "The whole pipeline on this machine: moto, the local gateway, the functions in AWS's Lambda runtime, real Spark.",
        subcommands = {LocalUpCommand.class, LocalRunCommand.class})
public final class LocalCommand implements Runnable {

    @ParentCommand
    EmrPipelineCli root;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                "name a local command: `emr-pipeline local up` or `emr-pipeline local run FILE`");
    }

    EmrPipelineCli root() {
        return root;
    }
}
