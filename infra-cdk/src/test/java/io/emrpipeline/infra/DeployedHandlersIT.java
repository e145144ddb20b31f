package io.emrpipeline.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.emrpipeline.contract.Contract;
import io.emrpipeline.contract.FunctionSpec;
import io.emrpipeline.contract.RepositoryRoot;
import io.emrpipeline.local.LocalGateway;
import io.emrpipeline.local.LocalPipeline;
import io.emrpipeline.local.SharedLocalPipeline;
import io.emrpipeline.local.emr.JobPlan;
import io.emrpipeline.local.lambda.FunctionRunner.Outcome;
import io.emrpipeline.local.lambda.runtime.EnvironmentPool;
import io.emrpipeline.local.lambda.runtime.FunctionDeployment;
import io.emrpipeline.local.lambda.runtime.RuntimeFiles;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opentest4j.AssertionFailedError;

/**
 * Every Java function of the synthesized template, started as Lambda starts it — the code asset
 * CDK uploads unpacked as the task root, the template's handler string, timeout, memory and
 * environment variable names — in AWS's Java runtime (the runtime interface client behind the
 * runtime interface emulator), and invoked against the local AWS. A handler string Lambda cannot
 * load, or a variable the functions need and CDK does not set, fails here instead of after a deploy.
 */
class DeployedHandlersIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SynthesizedPipeline SYNTHESIZED = SynthesizedPipeline.defaults();
    /** Error types of a handler string the runtime cannot call; anything else means the handler ran. */
    private static final Set<String> LOADER_ERRORS = Set.of("java.lang.ClassNotFoundException",
            "java.lang.NoClassDefFoundError", "java.lang.NoSuchMethodException", "java.lang.IllegalAccessException",
            "java.lang.InstantiationException", "java.lang.ExceptionInInitializerError", "Runtime.BadFunctionCode");
    /** Local values for the variables CDK sets: what this deployment of the stack would give. */
    private static final Map<String, String> DEPLOYMENT_VALUES = Map.of(
            "JOB_BUCKET", LocalPipeline.BUCKET,
            "EXECUTION_ROLE_ARNS", LocalPipeline.JOB_ROLE,
            "DEFAULT_EXECUTION_ROLE_ARN", LocalPipeline.JOB_ROLE,
            "ALLOW_CREATE_APPLICATION", "false",
            "EVENT_BUS_NAME", LocalPipeline.EVENT_BUS);

    private static LocalPipeline pipeline;
    private static RuntimeFiles runtime;
    private static String applicationId;
    private static String jobRunId;

    @BeforeAll
    static void startTheRuntimeAndAJobRun() throws Exception {
        pipeline = SharedLocalPipeline.get();
        runtime = CodeAsset.taskRoot(SYNTHESIZED, RuntimeFiles.under(RepositoryRoot.find()));
        applicationId = pipeline.createApplication("deployed-handlers");
        pipeline.gateway().simulatedJobs().planNext(JobPlan.runUntilCancelled());
        jobRunId = pipeline.emr().startJobRun(r -> r.applicationId(applicationId).name("deployed-handlers:direct")
                .executionRoleArn(LocalPipeline.JOB_ROLE)
                .jobDriver(driver -> driver.sparkSubmit(spark -> spark.entryPoint("s3://" + LocalPipeline.BUCKET + "/jobs/job.py"))))
                .jobRunId();
    }

    static List<TemplateFunction> templateFunctions() {
        return TemplateFunction.javaFunctionsIn(SYNTHESIZED.json());
    }

    @Test
    void theTemplateDeploysContractJsonsFunctionsAsTheLocalRuntimeDoes() {
        Contract contract = Contract.get();
        Map<String, TemplateFunction> byName = templateFunctions().stream()
                .collect(Collectors.toMap(function -> function.spec().name(), Function.identity()));
        assertEquals(contract.functions().stream().map(FunctionSpec::name).collect(Collectors.toSet()), byName.keySet());
        for (FunctionSpec spec : contract.functions()) {
            TemplateFunction deployed = byName.get(spec.name());
            assertEquals(spec.handler(), deployed.handler(), spec.name());
            assertEquals(spec.timeoutSeconds(), deployed.timeoutSeconds(), spec.name());
            assertEquals(contract.functionMemoryMb(), deployed.memoryMb(), spec.name());
            assertEquals(new TreeSet<>(contract.functionEnvironment()), deployed.environmentNames(), spec.name());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templateFunctions")
    void everyHandlerOfTheTemplateLoadsAndAnswersInLambdasJavaRuntime(TemplateFunction function) throws Exception {
        JsonNode output = assertLoadsAndAnswers(function, payloadFor(function.spec().name()));

        assertTrue(output.isObject() && output.size() > 0, () -> function + " answered " + output);
    }

    @Test
    void aHandlerStringLambdaCannotLoadFailsTheCheckWithTheLoadersError() throws Exception {
        TemplateFunction submit = templateFunctions().stream()
                .filter(function -> function.spec().name().equals("SubmitJobRun")).findFirst().orElseThrow();
        ObjectNode payload = payloadFor("SubmitJobRun");

        AssertionFailedError noClass = assertThrows(AssertionFailedError.class, () -> assertLoadsAndAnswers(
                submit.withHandler("io.emrpipeline.handlers.SubmitJobRunHandlr::handleRequest"), payload));
        AssertionFailedError noMethod = assertThrows(AssertionFailedError.class, () -> assertLoadsAndAnswers(
                submit.withHandler("io.emrpipeline.handlers.SubmitJobRunHandler::handle"), payload));

        assertTrue(noClass.getMessage().contains("cannot load") && noClass.getMessage().contains("java.lang.ClassNotFoundException"),
                noClass::getMessage);
        assertTrue(noMethod.getMessage().contains("cannot load") && noMethod.getMessage().contains("No public method named handle"),
                noMethod::getMessage);
    }

    /** Starts the function in a fresh environment, invokes it once and returns its output. */
    private static JsonNode assertLoadsAndAnswers(TemplateFunction function, ObjectNode payload) throws Exception {
        Outcome outcome;
        try (EnvironmentPool environment = new EnvironmentPool(deployment(function), runtime, 1,
                Path.of("target", "lambda-logs", "deployed-handlers"))) {
            outcome = environment.invoke(UUID.randomUUID().toString(), JSON.writeValueAsBytes(payload));
        }
        String error = outcome.errorType() + ": " + outcome.errorMessage();
        boolean loaded = outcome.errorType() == null || !LOADER_ERRORS.contains(outcome.errorType());
        assertTrue(loaded, () -> "Lambda's Java runtime cannot load " + function + ": " + error);
        assertNull(outcome.errorType(), () -> function + " loaded but failed: " + error);
        return JSON.readTree(outcome.payload());
    }

    /** The template's settings, with the values of this local deployment and what Lambda itself sets. */
    private static FunctionDeployment deployment(TemplateFunction function) {
        Map<String, String> environment = new HashMap<>();
        for (String name : function.environmentNames()) {
            String value = DEPLOYMENT_VALUES.get(name);
            assertTrue(value != null, () -> "the template sets " + name + " on " + function + ": give it a local value here");
            environment.put(name, value);
        }
        environment.put("AWS_REGION", LocalGateway.REGION);
        environment.put("AWS_DEFAULT_REGION", LocalGateway.REGION);
        environment.put("AWS_ACCESS_KEY_ID", "local");
        environment.put("AWS_SECRET_ACCESS_KEY", "local");
        environment.put("AWS_ENDPOINT_URL", pipeline.gateway().endpoint().toString());
        return new FunctionDeployment(function.functionName(), function.handler(),
                Duration.ofSeconds(function.timeoutSeconds()), function.memoryMb(), environment);
    }

    /** An event each function takes in the pipeline, about the job run started for this test. */
    private static ObjectNode payloadFor(String function) throws Exception {
        ObjectNode execution = JSON.createObjectNode().put("name", "deployed-" + function.toLowerCase())
                .put("arn", "arn:aws:states:" + LocalGateway.REGION + ":" + LocalGateway.ACCOUNT_ID
                        + ":execution:emr-pipeline:deployed-" + function.toLowerCase());
        ObjectNode jobRun = JSON.createObjectNode().put("applicationId", applicationId).put("jobRunId", jobRunId);
        return switch (function) {
            case "SubmitJobRun" -> {
                ObjectNode payload = JSON.createObjectNode();
                ObjectNode request = payload.putObject("request").put("name", "deployed-handlers").put("timeoutMinutes", 10);
                request.putObject("application").put("id", applicationId);
                request.putObject("job").put("mode", "script").put("entryPoint", "s3://" + LocalPipeline.BUCKET + "/jobs/job.py");
                payload.set("execution", execution);
                yield payload;
            }
            case "AwaitJobRun" -> jobRun.put("taskToken", "deployed-handlers-token").set("execution", execution);
            case "ReconcileJobRun" -> jobRun.set("execution", execution);
            case "JobStateChange" -> stateChangeEvent();
            case "CancelJobRun" -> JSON.createObjectNode().put("executionName", execution.path("name").asText());
            case "ReconcileSweep" -> JSON.createObjectNode().put("source", "aws.events").put("detail-type", "Scheduled Event");
            default -> throw new AssertionError("no payload for " + function + ": add the event it takes here");
        };
    }

    /** EMR Serverless's RUNNING event, about this test's job run. */
    private static ObjectNode stateChangeEvent() throws Exception {
        try (InputStream in = DeployedHandlersIT.class.getResourceAsStream("/events/emr-serverless/job-run-running.json")) {
            ObjectNode event = (ObjectNode) JSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            ((ObjectNode) event.path("detail")).put("applicationId", applicationId).put("jobRunId", jobRunId);
            return event;
        }
    }
}
