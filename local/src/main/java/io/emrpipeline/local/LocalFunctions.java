package io.emrpipeline.local;

import io.emrpipeline.contract.Contract;
import io.emrpipeline.contract.FunctionSpec;
import io.emrpipeline.local.lambda.LambdaFunctions;
import io.emrpipeline.local.lambda.runtime.EnvironmentPool;
import io.emrpipeline.local.lambda.runtime.FunctionDeployment;
import io.emrpipeline.local.lambda.runtime.RuntimeFiles;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Deploys the pipeline's functions into the local Lambda service as the CDK construct deploys them:
 * each from the contract's manifest (handler string, timeout, memory) with the deployment's
 * environment variables, run in AWS's Java runtime behind AWS's runtime interface emulator. Each
 * function gets its own credentials, as its own execution role would give it.
 */
final class LocalFunctions {

    /** Environments per function at most: Lambda's concurrency, sized for a 2-core machine. */
    static final int CONCURRENCY = 3;

    private LocalFunctions() {}

    static void deploy(LambdaFunctions lambdas, RuntimeFiles files, Map<String, String> deploymentEnvironment,
            URI endpoint, Path logDirectory) {
        Contract contract = Contract.get();
        if (!contract.functionEnvironment().containsAll(deploymentEnvironment.keySet())) {
            throw new IllegalArgumentException("not in contract.json's functionEnvironment: " + deploymentEnvironment.keySet());
        }
        for (FunctionSpec spec : contract.functions()) {
            Map<String, String> environment = new LinkedHashMap<>(deploymentEnvironment);
            // Only here: the local endpoint, and links to objects the gateway serves.
            environment.put("AWS_ENDPOINT_URL", endpoint.toString());
            environment.put("OBJECT_LINK_BASE", endpoint.toString());
            environment.put("AWS_REGION", lambdas.region());
            environment.put("AWS_DEFAULT_REGION", lambdas.region());
            environment.put("AWS_ACCESS_KEY_ID", accessKeyId(spec.name()));
            environment.put("AWS_SECRET_ACCESS_KEY", "local-" + spec.kebabName());
            FunctionDeployment deployment = new FunctionDeployment(spec.name(), spec.handler(),
                    Duration.ofSeconds(spec.timeoutSeconds()), contract.functionMemoryMb(), environment);
            lambdas.register(spec.name(), new EnvironmentPool(deployment, files, CONCURRENCY, logDirectory));
        }
    }

    /** The access key a function signs with, so the gateway knows which function made a call. */
    static String accessKeyId(String functionName) {
        return "LOCAL" + functionName.toUpperCase(Locale.ROOT);
    }
}
