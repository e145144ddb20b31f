package io.emrpipeline.cli.targets;

import io.emrpipeline.cli.CliError;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;
import software.amazon.awssdk.services.cloudformation.model.Output;
import software.amazon.awssdk.services.cloudformation.model.Stack;

/** A deployed stack's {@code StateMachineArn} output (the CDK app's PipelineStack writes it). */
final class StackOutputs {

    static final String STATE_MACHINE_OUTPUT = "StateMachineArn";

    private StackOutputs() {}

    static String stateMachineArn(String stackName, Region region, AwsCredentialsProvider credentials) {
        try (CloudFormationClient cloudFormation = CloudFormationClient.builder().region(region).credentialsProvider(credentials)
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
            Stack stack = cloudFormation.describeStacks(r -> r.stackName(stackName)).stacks().get(0);
            return stack.outputs().stream().filter(output -> STATE_MACHINE_OUTPUT.equals(output.outputKey()))
                    .map(Output::outputValue).findFirst()
                    .orElseThrow(() -> CliError.badRequest("stack " + stackName + " in " + region + " has no "
                            + STATE_MACHINE_OUTPUT + " output", "is it an emr-pipeline stack? Check `cdk deploy` finished, "
                            + "or pass --state-machine ARN"));
        } catch (CloudFormationException e) {
            if (e.statusCode() == 400 && String.valueOf(e.getMessage()).contains("does not exist")) {
                throw CliError.badRequest("no stack " + stackName + " in " + region,
                        "check the name (`aws cloudformation list-stacks`) and the region (--region)");
            }
            throw CliError.unavailable("CloudFormation refused DescribeStacks for " + stackName + ": "
                    + e.awsErrorDetails().errorMessage(), "the caller needs cloudformation:DescribeStacks on the stack");
        } catch (SdkClientException e) {
            throw CliError.unavailable("cannot read stack " + stackName + ": " + e.getMessage(),
                    "check your AWS credentials (--profile, AWS_PROFILE) and network");
        }
    }
}
