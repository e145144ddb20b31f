package io.emrpipeline.e2e;

import io.emrpipeline.contract.RepositoryRoot;
import io.emrpipeline.local.LocalPipeline;
import io.emrpipeline.local.lambda.LambdaFunctions;
import io.emrpipeline.local.lambda.runtime.EnvironmentPool;
import io.emrpipeline.local.lambda.runtime.FunctionDeployment;
import io.emrpipeline.local.lambda.runtime.RuntimeFiles;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * One of the pipeline's functions deployed differently for one test — another timeout, another
 * endpoint for its AWS calls — in AWS's Java runtime like every function. The gateway's reset
 * before the next test puts the deployed function back, so nothing leaks into other tests.
 */
final class Redeployment {

    private Redeployment() {}

    /**
     * The function with its AWS calls sent to {@code endpoint}, its deployed timeout kept.
     *
     * @return the function's environments, for faults the test injects into them
     */
    static EnvironmentPool through(LocalPipeline pipeline, String function, URI endpoint) {
        return through(pipeline, function, endpoint, deployed(pipeline, function).timeout());
    }

    /** As {@link #through(LocalPipeline, String, URI)}, with the function timeout the runtime enforces. */
    static EnvironmentPool through(LocalPipeline pipeline, String function, URI endpoint, Duration timeout) {
        LambdaFunctions lambdas = pipeline.gateway().lambdas();
        FunctionDeployment deployed = deployed(pipeline, function);
        Map<String, String> environment = new HashMap<>(deployed.environment());
        environment.put("AWS_ENDPOINT_URL", endpoint.toString());
        FunctionDeployment changed = new FunctionDeployment(deployed.name(), deployed.handler(), timeout,
                deployed.memoryMb(), environment);
        // One environment: the state machine invokes this function once at a time.
        EnvironmentPool pool = new EnvironmentPool(changed, RuntimeFiles.under(RepositoryRoot.find()), 1,
                Path.of("target", "lambda-logs", "redeployed-" + System.nanoTime()));
        lambdas.replaceUntilReset(function, pool);
        return pool;
    }

    private static FunctionDeployment deployed(LocalPipeline pipeline, String function) {
        return ((EnvironmentPool) pipeline.gateway().lambdas().runner(function)).function();
    }
}
