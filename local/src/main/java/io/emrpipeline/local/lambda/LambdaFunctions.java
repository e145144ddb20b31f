package io.emrpipeline.local.lambda;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The local Lambda service: handler instances registered by function name and run in-process.
 *
 * <p>Unlike Lambda, one handler instance serves concurrent invocations (Lambda gives each
 * concurrent invocation its own execution environment), so handlers must not keep
 * per-invocation state in fields — which the pipeline's handlers must not do on AWS either.
 */
public final class LambdaFunctions {

    private final String region;
    private final String accountId;
    private final Map<String, RequestStreamHandler> handlers = new ConcurrentHashMap<>();
    private final InvocationLog log = new InvocationLog();
    private final Map<String, Integer> crashesLeft = new ConcurrentHashMap<>();
    /** What {@code Context.getRemainingTimeInMillis()} counts down from. */
    private final Duration timeout = Duration.ofMinutes(1);

    public LambdaFunctions(String region, String accountId) {
        this.region = region;
        this.accountId = accountId;
    }

    public String accountId() {
        return accountId;
    }

    public void register(String functionName, RequestStreamHandler handler) {
        handlers.put(functionName, handler);
    }

    public boolean exists(String nameOrArn) {
        return handlers.containsKey(FunctionNames.bareName(nameOrArn));
    }

    /** Fault: the function's next invocation does its work, then its runtime dies before answering. */
    public void crashAfterNextInvocation(String functionName) {
        crashAfterNextInvocations(functionName, 1);
    }

    /**
     * Fault: the next {@code count} invocations run the handler to the end (side effects happen),
     * then the caller gets Lambda's {@code Runtime.ExitError} instead of the result — what a
     * runtime killed after the work (out of memory, say) looks like to Step Functions.
     */
    public void crashAfterNextInvocations(String functionName, int count) {
        crashesLeft.put(FunctionNames.bareName(functionName), count);
    }

    /** Turns the crash faults off; registered functions stay. */
    public void resetFaults() {
        crashesLeft.clear();
    }

    public InvocationLog log() {
        return log;
    }

    /**
     * Runs the function on the calling thread and records the invocation.
     *
     * @throws FunctionNotFoundException when no handler is registered under that name
     */
    public Invocation invoke(String nameOrArn, byte[] payload, String invocationType) {
        String name = FunctionNames.bareName(nameOrArn);
        String arn = FunctionNames.arn(region, accountId, name);
        RequestStreamHandler handler = handlers.get(name);
        if (handler == null) {
            throw new FunctionNotFoundException(arn);
        }
        String requestId = UUID.randomUUID().toString();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        Instant startedAt = Instant.now();
        Throwable failure = run(handler, payload, output, new LocalLambdaContext(requestId, name, arn, timeout));
        String input = new String(payload, StandardCharsets.UTF_8);
        if (takeCrash(name)) {
            failure = new RuntimeExitError(requestId);
        }
        Invocation invocation = failure == null
                ? new Invocation(requestId, name, invocationType, input, output.toString(StandardCharsets.UTF_8),
                        null, null, startedAt, Instant.now())
                : new Invocation(requestId, name, invocationType, input, LambdaErrors.document(failure).toString(),
                        LambdaErrors.errorType(failure), LambdaErrors.errorMessage(failure), startedAt, Instant.now());
        log.add(invocation);
        return invocation;
    }

    private boolean takeCrash(String name) {
        boolean[] crash = {false};
        crashesLeft.computeIfPresent(name, (n, left) -> {
            crash[0] = true;
            return left > 1 ? left - 1 : null;
        });
        return crash[0];
    }

    // Lambda reports anything a handler throws — checked, unchecked or an Error — as a function error,
    // so this is the one place that catches Throwable: it turns it into the caller-visible error document.
    @SuppressWarnings("java:S1181")
    private static Throwable run(RequestStreamHandler handler, byte[] payload, ByteArrayOutputStream output,
                                 LocalLambdaContext context) {
        try {
            handler.handleRequest(new ByteArrayInputStream(payload), output, context);
            return null;
        } catch (IOException | RuntimeException | Error e) {
            return e;
        }
    }
}
