package io.emrpipeline.local.lambda;

/**
 * Stands for a Lambda runtime that died mid-invocation. Lambda reports that not with an exception
 * class but with the error type {@code Runtime.ExitError}, which {@link LambdaErrors} uses.
 */
final class RuntimeExitError extends RuntimeException {

    static final String ERROR_TYPE = "Runtime.ExitError";

    RuntimeExitError(String requestId) {
        super("RequestId: " + requestId + " Error: Runtime exited with error: signal: killed", null, false, false);
    }
}
