package io.emrpipeline.infra;

import io.emrpipeline.infra.settings.InvalidSetting;
import io.emrpipeline.infra.settings.PipelineSettings;
import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.NagPackProps;
import software.amazon.awscdk.App;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Validations;

/**
 * The CDK app: reads the settings, instantiates the stack, and runs cdk-nag's AwsSolutions pack,
 * so a finding without a written acknowledgement fails synth. The stack is environment-agnostic
 * (account and region come from the deploy credentials), which keeps synth offline: no lookups.
 */
public final class PipelineApp {

    private PipelineApp() {}

    public static void main(String[] args) {
        App app = new App();
        PipelineSettings settings;
        try {
            settings = PipelineSettings.from(app.getNode());
        } catch (InvalidSetting e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        build(app, settings, RepoFiles.locate());
        app.synth();
    }

    /** The stack with the compliance checks registered: what `cdk synth` and the tests both build. */
    public static PipelineStack build(App app, PipelineSettings settings, RepoFiles files) {
        PipelineStack stack = new PipelineStack(app, settings.stackName(), StackProps.builder()
                .description("emr-pipeline: Spark jobs on EMR Serverless through Step Functions and EventBridge")
                .build(), settings, files);
        Validations.of(app).addPlugins(new AwsSolutionsChecks(app, NagPackProps.builder().verbose(true).build()));
        return stack;
    }
}
