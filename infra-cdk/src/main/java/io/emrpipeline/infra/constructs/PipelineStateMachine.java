package io.emrpipeline.infra.constructs;

import io.emrpipeline.contract.Contract;
import io.emrpipeline.contract.FunctionSpec;
import io.emrpipeline.contract.Placeholders;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.stepfunctions.DefinitionBody;
import software.amazon.awscdk.services.stepfunctions.LogLevel;
import software.amazon.awscdk.services.stepfunctions.LogOptions;
import software.amazon.awscdk.services.stepfunctions.StateMachine;
import software.amazon.awscdk.services.stepfunctions.StateMachineType;
import software.constructs.Construct;

/**
 * The Standard state machine, defined by the repository's single ASL file (the one the local
 * runtime executes too) with its {@code ${...}} placeholders filled by CloudFormation's
 * DefinitionSubstitutions: each function's alias, as contract.json names them.
 * Every placeholder of the file must have a value and every value a placeholder, so a renamed
 * placeholder fails synth instead of deploying a broken machine.
 */
public final class PipelineStateMachine extends Construct {

    private final StateMachine stateMachine;

    public PipelineStateMachine(Construct scope, String id, PipelineStateMachineProps props) {
        super(scope, id);
        Contract contract = Contract.get();
        PipelineFunctions functions = props.functions();
        String definition = contract.stateMachineDefinition();
        Map<String, String> substitutions = contract.aslSubstitutions(
                spec -> functions.alias(spec.name()).getFunctionArn());
        Placeholders.requireExactly("statemachines/pipeline.asl.json", definition, substitutions.keySet());

        LogGroup logs = LogGroup.Builder.create(this, "Logs")
                .logGroupName("/aws/vendedlogs/states/" + props.stateMachineName())
                .retention(props.logRetention())
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        this.stateMachine = StateMachine.Builder.create(this, "StateMachine")
                .stateMachineName(props.stateMachineName())
                .stateMachineType(StateMachineType.STANDARD)
                .definitionBody(DefinitionBody.fromString(definition))
                .definitionSubstitutions(substitutions)
                // Execution data stays out of the logs: AwaitJobRun's input carries a task token.
                .logs(LogOptions.builder().destination(logs).level(LogLevel.ALL).includeExecutionData(false).build())
                .tracingEnabled(true)
                .build();
        lintAsInlineTemplate(stateMachine);
        Acknowledge.rule(stateMachine.getRole(), "AwsSolutions-IAM5[Resource::*]", "Added by CDK for logging and tracing:"
                + " the CloudWatch Logs delivery actions and X-Ray's PutTraceSegments/PutTelemetryRecords/GetSampling* accept"
                + " no resource other than *.");
        // The machine calls exactly the functions the ASL names; the others are EventBridge targets only.
        contract.functions().stream()
                .filter(spec -> spec.aslPlaceholder().isPresent())
                .map(FunctionSpec::name)
                .forEach(name -> functions.alias(name).grantInvoke(stateMachine));
    }

    public StateMachine stateMachine() {
        return stateMachine;
    }

    /**
     * The ASL sits in the template as written, its placeholders filled by DefinitionSubstitutions
     * at deploy. cfn-lint reads those {@code ${...}} as stray parameters (E1029), and its ASL schema
     * refuses OutputPath on a Succeed state, which the States Language allows (E3601); both are off
     * for this resource in its cfn-lint metadata. CDK's own template validation reports the same
     * E1029 and takes acknowledgements by rule id only, so that one holds for the whole stack: the
     * ASL is the only text in it with placeholders.
     */
    private static void lintAsInlineTemplate(StateMachine machine) {
        Acknowledge.rule(machine, "CloudFormation-Validate::E1029",
                "The ${...} are the ASL's placeholders, filled by the state machine's DefinitionSubstitutions.");
        CfnResource resource = (CfnResource) machine.getNode().getDefaultChild();
        resource.addMetadata("cfn-lint", Map.of("config", Map.of("ignore_checks", List.of("E1029", "E3601"))));
    }

    /** The ARN a machine of this name has in the stack's account and region, known before it exists. */
    public static String arnFor(Construct scope, String stateMachineName) {
        return Stack.of(scope).formatArn(ArnComponents.builder()
                .service("states")
                .resource("stateMachine")
                .resourceName(stateMachineName)
                .arnFormat(ArnFormat.COLON_RESOURCE_NAME)
                .build());
    }
}
