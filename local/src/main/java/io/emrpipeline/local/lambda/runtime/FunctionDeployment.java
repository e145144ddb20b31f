package io.emrpipeline.local.lambda.runtime;

import java.time.Duration;
import java.util.Map;

/**
 * One function as deployed: what CDK gives Lambda (handler string, timeout, memory, environment
 * variables) plus the credentials its execution role would hand it.
 *
 * @param name the function name (also {@code AWS_LAMBDA_FUNCTION_NAME})
 * @param handler the handler string, {@code class::method}
 * @param timeout the function timeout (init counts against it, as in the emulator)
 * @param memoryMb the memory size; the JVM's heap is sized from it as Lambda sizes it
 * @param environment the function's environment variables, credentials and region included
 */
public record FunctionDeployment(String name, String handler, Duration timeout, int memoryMb,
        Map<String, String> environment) {

    public FunctionDeployment {
        environment = Map.copyOf(environment);
    }
}
