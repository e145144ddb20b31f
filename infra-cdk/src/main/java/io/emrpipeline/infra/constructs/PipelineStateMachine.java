package io.emrpipeline.infra.constructs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
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
 * The Standard state machine, defined by the repository's single ASL file with its
 * {@code ${...}} placeholders filled by DefinitionSubstitutions: the function aliases and the
 * heartbeat. Every placeholder of the file must have a value and every value a placeholder, so a
 * renamed placeholder fails synth instead of deploying a broken machine.
 */
public final class PipelineStateMachine extends Construct {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9]+)}");

    private final StateMachine stateMachine;

    public PipelineStateMachine(Construct scope, String id, PipelineStateMachineProps props) {
        super(scope, id);
        PipelineFunctions functions = props.functions();
        Map<String, String> substitutions = Map.of(
                "SubmitJobRunFunctionArn", functions.submitJobRun().getFunctionArn(),
                "AwaitJobRunFunctionArn", functions.awaitJobRun().getFunctionArn(),
                "ReconcileJobRunFunctionArn", functions.reconcileJobRun().getFunctionArn(),
                "CancelJobRunFunctionArn", functions.cancelJobRun().getFunctionArn(),
                "HeartbeatSeconds", String.valueOf(props.heartbeatSeconds()));
        checkPlaceholders(props.definitionFile(), substitutions.keySet());

        LogGroup logs = LogGroup.Builder.create(this, "Logs")
                .logGroupName("/aws/vendedlogs/states/" + props.stateMachineName())
                .retention(props.logRetention())
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        this.stateMachine = StateMachine.Builder.create(this, "StateMachine")
                .stateMachineName(props.stateMachineName())
                .stateMachineType(StateMachineType.STANDARD)
                .definitionBody(DefinitionBody.fromFile(props.definitionFile().toString()))
                .definitionSubstitutions(substitutions)
                // Execution data stays out of the logs: AwaitJobRun's input carries a task token.
                .logs(LogOptions.builder().destination(logs).level(LogLevel.ALL).includeExecutionData(false).build())
                .tracingEnabled(true)
                .build();
        Acknowledge.rule(stateMachine.getRole(), "AwsSolutions-IAM5[Resource::*]", "Added by CDK for logging and tracing:"
                + " the CloudWatch Logs delivery actions and X-Ray's PutTraceSegments/PutTelemetryRecords/GetSampling* accept"
                + " no resource other than *.");
        List.of(functions.submitJobRun(), functions.awaitJobRun(), functions.reconcileJobRun(), functions.cancelJobRun())
                .forEach(alias -> alias.grantInvoke(stateMachine));
    }

    public StateMachine stateMachine() {
        return stateMachine;
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

    private static void checkPlaceholders(Path definition, Set<String> provided) {
        Set<String> used = new TreeSet<>();
        try {
            Matcher matcher = PLACEHOLDER.matcher(Files.readString(definition));
            while (matcher.find()) {
                used.add(matcher.group(1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the state machine definition " + definition, e);
        }
        if (!used.equals(new TreeSet<>(provided))) {
            throw new IllegalStateException(definition + " uses placeholders " + used
                    + " but the stack substitutes " + new TreeSet<>(provided) + "; keep the two in step.");
        }
    }
}
