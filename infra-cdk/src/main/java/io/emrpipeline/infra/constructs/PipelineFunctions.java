package io.emrpipeline.infra.constructs;

import io.emrpipeline.contract.Contract;
import io.emrpipeline.contract.FunctionSpec;
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
 * The pipeline's Lambda functions, one per entry of contract.json (handler, timeout, description),
 * all from the one shaded jar. Each has its own role (only what its code calls, see
 * {@link FunctionPermissions}), its own log group with retention, and SnapStart on a published
 * version behind the alias {@value #ALIAS}, which is what the state machine and the rules call: a
 * deploy moves the alias, so no caller ever runs an unsnapshotted $LATEST.
 */
public final class PipelineFunctions extends Construct {

    public static final String ALIAS = "live";

    private final Map<String, Alias> aliases = new LinkedHashMap<>();
    private final Map<String, Function> functions = new LinkedHashMap<>();

    public PipelineFunctions(Construct scope, String id, PipelineFunctionsProps props) {
        super(scope, id);
        FunctionPermissions permissions = new FunctionPermissions(this, props);
        AssetCode code = Code.fromAsset(props.functionsJar());
        Map<String, String> environment = environment(props);
        for (FunctionSpec spec : Contract.get().functions()) {
            add(props, spec, code, environment, permissions);
        }
    }

    public Alias submitJobRun() { return alias("SubmitJobRun"); }
    public Alias awaitJobRun() { return alias("AwaitJobRun"); }
    public Alias jobStateChange() { return alias("JobStateChange"); }
    public Alias reconcileJobRun() { return alias("ReconcileJobRun"); }
    public Alias reconcileSweep() { return alias("ReconcileSweep"); }
    public Alias cancelJobRun() { return alias("CancelJobRun"); }

    /** The alias of a function by its contract name (SubmitJobRun, …): what callers invoke. */
    public Alias alias(String name) {
        Alias alias = aliases.get(name);
        if (alias == null) {
            throw new IllegalArgumentException("no function " + name + "; contract.json has " + aliases.keySet());
        }
        return alias;
    }

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

    private void add(PipelineFunctionsProps props, FunctionSpec spec, AssetCode code, Map<String, String> environment,
            FunctionPermissions permissions) {
        String name = spec.name();
        String functionName = props.namePrefix() + "-" + spec.kebabName();
        LogGroup logs = LogGroup.Builder.create(this, name + "Logs")
                .logGroupName("/aws/lambda/" + functionName)
                .retention(props.logRetention())
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        Function function = Function.Builder.create(this, name)
                .functionName(functionName)
                .description(spec.description())
                .runtime(Runtime.JAVA_17)
                .architecture(Architecture.ARM_64)
                .code(code)
                .handler(spec.handler())
                .memorySize(props.memoryMb())
                .timeout(Duration.seconds(spec.timeoutSeconds()))
                .role(role(name, functionName, logs, permissions))
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

    /**
     * An explicit role: the default one would carry the AWS managed AWSLambdaBasicExecutionRole
     * (logs on every group of the account); this one writes to its own group only.
     */
    private Role role(String name, String functionName, LogGroup logs, FunctionPermissions permissions) {
        Role role = Role.Builder.create(this, name + "Role")
                .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
                .description("Runs " + functionName + " (emr-pipeline)")
                .build();
        logs.grantWrite(role);
        List<PolicyStatement> statements = permissions.of(name);
        statements.forEach(role::addToPolicy);
        Acknowledge.wildcardResources(role, statements, permissions::wildcardReason);
        return role;
    }
}
