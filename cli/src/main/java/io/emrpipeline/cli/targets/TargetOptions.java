package io.emrpipeline.cli.targets;

import picocli.CommandLine.Option;

/**
 * Which deployment a command acts on. Exactly one of {@code --target local}, {@code --stack} or
 * {@code --state-machine}; without any, the environment variables of the same meaning
 * ({@link TargetResolver}). {@code --region} and {@code --profile} choose among the standard chains.
 */
public final class TargetOptions {

    @Option(names = "--target", paramLabel = "local",
            description = "local: the pipeline `emr-pipeline local up` runs (env EMR_PIPELINE_TARGET).")
    String target;

    @Option(names = "--stack", paramLabel = "NAME",
            description = "A deployed stack, found by its CloudFormation outputs (env EMR_PIPELINE_STACK).")
    String stack;

    @Option(names = "--state-machine", paramLabel = "ARN",
            description = "A deployed pipeline's state machine (env EMR_PIPELINE_STATE_MACHINE).")
    String stateMachineArn;

    @Option(names = "--region", paramLabel = "REGION",
            description = "AWS region (default: the SDK chain: AWS_REGION, the profile, ...; the ARN's region for --state-machine).")
    String region;

    @Option(names = "--profile", paramLabel = "NAME", description = "AWS profile for credentials and region (default: the SDK chain).")
    String profile;

    public TargetOptions() {
    }

    public TargetOptions(String target, String stack, String stateMachineArn, String region, String profile) {
        this.target = target;
        this.stack = stack;
        this.stateMachineArn = stateMachineArn;
        this.region = region;
        this.profile = profile;
    }
}
