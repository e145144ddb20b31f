package io.emrpipeline.infra.constructs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.AssetCode;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.logs.LogGroup;
import software.constructs.Construct;

/**
 * The five Lambda functions of the pipeline, all from the one shaded jar. Each has its own role
 * (only what its code calls, see {@link FunctionPermissions}), its own log group with retention,
 * and SnapStart on a published version behind the alias {@value #ALIAS}, which is what the state
 * machine and the rules call: a deploy moves the alias, so no caller ever runs an unsnapshotted
 * $LATEST.
 */
public final class PipelineFunctions extends Construct {

    public static final String ALIAS = "live";
    private static final String HANDLERS = "io.emrpipeline.handlers.";

    private final Map<String, Alias> aliases = new LinkedHashMap<>();
    private final Map<String, Function> functions = new LinkedHashMap<>();

    public PipelineFunctions(Construct scope, String id, PipelineFunctionsProps props) {
        super(scope, id);
        FunctionPermissions permissions = new FunctionPermissions(this, props);
        AssetCode code = Code.fromAsset(props.functionsJar());
        Map<String, String> environment = environment(props);

        add(props, permissions, code, environment, "SubmitJobRun", 60,
                "Validates a job request, resolves the application, stages the bootstrap and starts the job run.",
                permissions.submitJobRun());
        add(props, permissions, code, environment, "AwaitJobRun", 30,
                "Stores the task token of a waiting execution; completes it at once if the job already ended.",
                permissions.awaitJobRun());
        add(props, permissions, code, environment, "JobStateChange", 30,
                "EventBridge target: completes the waiting execution when its job run reaches a terminal state.",
                permissions.jobStateChange());
        add(props, permissions, code, environment, "ReconcileJobRun", 30,
                "Runs when a wait passed its heartbeat without a callback: one GetJobRun decides.",
                permissions.reconcileJobRun());
        add(props, permissions, code, environment, "CancelJobRun", 60,
                "Cancels the job run of an execution that failed, was stopped or timed out.",
                permissions.cancelJobRun());
    }

    public Alias submitJobRun() { return aliases.get("SubmitJobRun"); }
    public Alias awaitJobRun() { return aliases.get("AwaitJobRun"); }
    public Alias jobStateChange() { return aliases.get("JobStateChange"); }
    public Alias reconcileJobRun() { return aliases.get("ReconcileJobRun"); }
    public Alias cancelJobRun() { return aliases.get("CancelJobRun"); }

    /** Every function by name (SubmitJobRun, …), for dashboards and alarms. */
    public Map<String, IFunction> all() {
        return Map.copyOf(functions);
    }

    private static Map<String, String> environment(PipelineFunctionsProps props) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("JOB_BUCKET", props.jobBucket().bucket().getBucketName());
        environment.put("EXECUTION_ROLE_ARNS", String.join(",", props.executionRoleArns()));
        props.defaultExecutionRoleArn().ifPresent(arn -> environment.put("DEFAULT_EXECUTION_ROLE_ARN", arn));
        environment.put("ALLOW_CREATE_APPLICATION", String.valueOf(props.emrAccess().createAtRuntime()));
        environment.put("EVENT_BUS_NAME", props.eventBus().getEventBusName());
        return environment;
    }

    private void add(PipelineFunctionsProps props, FunctionPermissions permissions, AssetCode code, Map<String, String> environment, String name,
            int timeoutSeconds, String description, List<PolicyStatement> statements) {
        String functionName = props.namePrefix() + "-" + kebab(name);
        LogGroup logs = LogGroup.Builder.create(this, name + "Logs")
                .logGroupName("/aws/lambda/" + functionName)
                .retention(props.logRetention())
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        // An explicit role: the default one would carry the AWS managed AWSLambdaBasicExecutionRole
        // (logs on every group of the account); this one writes to its own group only.
        Role role = Role.Builder.create(this, name + "Role")
                .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
                .description("Runs " + functionName + " (emr-pipeline)")
                .build();
        logs.grantWrite(role);
        statements.forEach(role::addToPolicy);
        Acknowledge.wildcardResources(role, statements, permissions::wildcardReason);

        Function function = Function.Builder.create(this, name)
                .functionName(functionName)
                .description(description)
                .runtime(Runtime.JAVA_17)
                .architecture(Architecture.ARM_64)
                .code(code)
                .handler(HANDLERS + name + "Handler::handleRequest")
                .memorySize(props.memoryMb())
                .timeout(Duration.seconds(timeoutSeconds))
                .role(role)
                .logGroup(logs)
                .environment(environment)
                .snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS)
                .build();
        Acknowledge.rule(function, "AwsSolutions-L1", "The functions module is compiled for Java 17 (maven.compiler.release"
                + " in the parent pom), the runtime this pipeline targets; SnapStart works the same on java21, so the runtime"
                + " moves together with the functions build.");
        Annotations.of(function).acknowledgeWarning("@aws-cdk/aws-lambda:snapStartRequirePublish",
                "The alias below publishes a version on every code or configuration change, and all callers use the alias.");
        functions.put(name, function);
        aliases.put(name, Alias.Builder.create(this, name + "Alias")
                .aliasName(ALIAS)
                .version(function.getCurrentVersion())
                .build());
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase();
    }
}
