package io.emrpipeline.cli.targets;

import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * One deployment of the pipeline that commands act on: its state machine, where its AWS APIs are
 * and who we are there. A deployed stack uses the standard region and credential chains; the
 * local pipeline is one endpoint (the local gateway) with fixed local credentials.
 *
 * @param description how errors and headers name it ("stack emr-pipeline in eu-west-1", "the local pipeline")
 * @param endpoint every service's endpoint override (the local gateway), empty for AWS
 * @param local the running local pipeline's endpoint file, when the target is local
 * @param selector the options that choose this target again, for the commands a result suggests
 *     ("--target local"; empty when the environment chose it)
 */
public record Target(String description, String stateMachineArn, Region region, Optional<URI> endpoint,
        AwsCredentialsProvider credentials, Optional<LocalEndpoint> local, String selector) {

    /** A follow-up command for this target: {@code emr-pipeline logs NAME --stderr --target local}. */
    public String command(String subcommand, String arguments) {
        return "emr-pipeline " + subcommand + " " + arguments + (selector.isEmpty() ? "" : " " + selector);
    }

    public boolean isLocal() {
        return local.isPresent();
    }

    /** Where S3 object links point: the gateway serves objects locally; in AWS the links are console links. */
    public Optional<String> objectLinkBase() {
        return endpoint.map(URI::toString);
    }

    /** The ARN of an execution of this state machine, from its name. */
    public String executionArn(String name) {
        return stateMachineArn.replaceFirst(":stateMachine:", ":execution:") + ":" + name;
    }
}
