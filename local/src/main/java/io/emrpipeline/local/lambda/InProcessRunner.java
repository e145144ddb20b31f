package io.emrpipeline.local.lambda;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Runs a handler object on the calling thread. Unlike Lambda, one object serves concurrent
 * invocations and nothing checks the handler string, so only the gateway's own narrow tests use
 * this; the local pipeline runs functions in AWS's runtime ({@code runtime.EnvironmentPool}).
 */
public final class InProcessRunner implements FunctionRunner {

    private final String functionName;
    private final String functionArn;
    private final RequestStreamHandler handler;
    private final Duration timeout;

    public InProcessRunner(String functionName, String functionArn, RequestStreamHandler handler, Duration timeout) {
        this.functionName = functionName;
        this.functionArn = functionArn;
        this.handler = handler;
        this.timeout = timeout;
    }

    // Lambda reports anything a handler throws — checked, unchecked or an Error — as a function
    // error, so this is the one place that catches it all: it becomes the caller-visible document.
    @Override
    public Outcome invoke(String requestId, byte[] payload) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(payload), output,
                    new LocalLambdaContext(requestId, functionName, functionArn, timeout));
            return Outcome.success(output.toString(StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException | Error e) {
            return Outcome.failure(LambdaErrors.document(e));
        }
    }
}
