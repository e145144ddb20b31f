package io.emrpipeline.cli.targets;

import io.emrpipeline.cli.CliError;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/**
 * Turns the target options into a {@link Target}. The rule: exactly one of {@code --target local},
 * {@code --stack NAME}, {@code --state-machine ARN}; when none is given, exactly one of
 * {@code EMR_PIPELINE_TARGET=local}, {@code EMR_PIPELINE_STACK}, {@code EMR_PIPELINE_STATE_MACHINE};
 * anything else is a usage error that says how to choose.
 */
public final class TargetResolver {

    static final String TARGET_VARIABLE = "EMR_PIPELINE_TARGET";
    static final String STACK_VARIABLE = "EMR_PIPELINE_STACK";
    static final String STATE_MACHINE_VARIABLE = "EMR_PIPELINE_STATE_MACHINE";
    private static final Pattern STATE_MACHINE_ARN =
            Pattern.compile("arn:aws[a-z-]*:states:([a-z0-9-]+):[0-9]{12}:stateMachine:[A-Za-z0-9_-]{1,80}");
    private static final String HOW_TO_CHOOSE = "pass --stack NAME (a deployed stack), --state-machine ARN, or --target local "
            + "(after `emr-pipeline local up`); or set EMR_PIPELINE_STACK, EMR_PIPELINE_STATE_MACHINE or EMR_PIPELINE_TARGET=local";

    /** Where the command should act, before any AWS call. */
    public sealed interface Choice {
    }

    public record Local() implements Choice {
    }

    public record Stack(String name) implements Choice {
    }

    public record StateMachine(String arn, String region) implements Choice {
    }

    private final Map<String, String> environment;

    public TargetResolver(Map<String, String> environment) {
        this.environment = environment;
    }

    public Target resolve(TargetOptions options) {
        Choice choice = choose(options);
        boolean fromOptions = options.target != null || options.stack != null || options.stateMachineArn != null;
        String selector = fromOptions ? selector(choice) : "";
        if (choice instanceof Local) {
            return local(selector);
        }
        AwsCredentialsProvider credentials = DefaultCredentialsProvider.builder().profileName(options.profile).build();
        if (choice instanceof StateMachine machine) {
            Region region = Region.of(options.region != null ? options.region : machine.region());
            return new Target("state machine " + machine.arn(), machine.arn(), region, Optional.empty(), credentials,
                    Optional.empty(), selector);
        }
        String stack = ((Stack) choice).name();
        Region region = region(options);
        String arn = StackOutputs.stateMachineArn(stack, region, credentials);
        return new Target("stack " + stack + " in " + region, arn, region, Optional.empty(), credentials, Optional.empty(),
                selector);
    }

    private static String selector(Choice choice) {
        if (choice instanceof Stack stack) {
            return "--stack " + stack.name();
        }
        if (choice instanceof StateMachine machine) {
            return "--state-machine " + machine.arn();
        }
        return "--target local";
    }

    /** The choice the options and environment make; a usage error when they make none or several. */
    public Choice choose(TargetOptions options) {
        List<Choice> given = new ArrayList<>();
        if (options.target != null) {
            if (!"local".equals(options.target)) {
                throw CliError.badRequest("--target " + options.target + ": the only named target is `local`", HOW_TO_CHOOSE);
            }
            given.add(new Local());
        }
        if (options.stack != null) {
            given.add(new Stack(options.stack));
        }
        if (options.stateMachineArn != null) {
            given.add(stateMachine(options.stateMachineArn, "--state-machine"));
        }
        if (given.isEmpty()) {
            given.addAll(fromEnvironment());
        }
        if (given.size() != 1) {
            throw CliError.badRequest(given.isEmpty() ? "no target: which pipeline should this act on?"
                    : "more than one target given (" + given.size() + "): choose one", HOW_TO_CHOOSE);
        }
        return given.get(0);
    }

    private List<Choice> fromEnvironment() {
        List<Choice> given = new ArrayList<>();
        String target = blankToNull(environment.get(TARGET_VARIABLE));
        if (target != null) {
            if (!"local".equals(target)) {
                throw CliError.badRequest(TARGET_VARIABLE + "=" + target + ": the only named target is `local`", HOW_TO_CHOOSE);
            }
            given.add(new Local());
        }
        String stack = blankToNull(environment.get(STACK_VARIABLE));
        if (stack != null) {
            given.add(new Stack(stack));
        }
        String arn = blankToNull(environment.get(STATE_MACHINE_VARIABLE));
        if (arn != null) {
            given.add(stateMachine(arn, STATE_MACHINE_VARIABLE));
        }
        return given;
    }

    private static StateMachine stateMachine(String arn, String source) {
        Matcher matcher = STATE_MACHINE_ARN.matcher(arn);
        if (!matcher.matches()) {
            throw CliError.badRequest(source + " " + arn + " is not a state machine ARN",
                    "give arn:aws:states:REGION:ACCOUNT:stateMachine:NAME (the stack's StateMachineArn output)");
        }
        return new StateMachine(arn, matcher.group(1));
    }

    private Region region(TargetOptions options) {
        if (options.region != null) {
            return Region.of(options.region);
        }
        try {
            return DefaultAwsRegionProviderChain.builder().profileName(options.profile).build().getRegion();
        } catch (SdkClientException e) {
            throw CliError.unavailable("no AWS region configured", "pass --region REGION, or set AWS_REGION");
        }
    }

    private Target local(String selector) {
        Path file = LocalEndpoint.defaultFile(environment);
        LocalEndpoint endpoint;
        try {
            endpoint = LocalEndpoint.read(file);
        } catch (NoSuchFileException e) {
            throw CliError.unavailable("the local pipeline is not running (no " + file + ")",
                    "start it in another terminal with `bin/emr-pipeline local up` and keep it running");
        } catch (IOException | IllegalArgumentException e) {
            throw CliError.unavailable("cannot read " + file + ": " + e.getMessage(),
                    "restart the local pipeline with `bin/emr-pipeline local up`");
        }
        if (!endpoint.processAlive()) {
            throw CliError.unavailable("the local pipeline that wrote " + file + " (pid " + endpoint.pid() + ") has stopped",
                    "start it again with `bin/emr-pipeline local up`");
        }
        return localTarget(endpoint, selector);
    }

    /** The local pipeline as a target, with the fixed credentials the gateway accepts. */
    public static Target localTarget(LocalEndpoint endpoint, String selector) {
        AwsCredentialsProvider credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
        return new Target("the local pipeline at " + endpoint.endpoint(), endpoint.stateMachineArn(),
                Region.of(endpoint.region()), Optional.of(endpoint.endpoint()), credentials, Optional.of(endpoint), selector);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
