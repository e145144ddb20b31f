package io.emrpipeline.local.lambda;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The local Lambda service: each function name maps to the {@link FunctionRunner} that runs its
 * invocations; every invocation is recorded, and tests can make a runtime die after its work.
 */
public final class LambdaFunctions implements AutoCloseable {

    private final String region;
    private final String accountId;
    private final Map<String, FunctionRunner> runners = new ConcurrentHashMap<>();
    private final InvocationLog log = new InvocationLog();
    private final Map<String, Integer> crashesLeft = new ConcurrentHashMap<>();
    /** The deployed runners of functions replaced for a test, put back on {@link #resetFaults()}. */
    private final Map<String, FunctionRunner> replaced = new ConcurrentHashMap<>();
    private final Map<String, Integer> inFlight = new ConcurrentHashMap<>();

    public LambdaFunctions(String region, String accountId) {
        this.region = region;
        this.accountId = accountId;
    }

    public String accountId() {
        return accountId;
    }

    public String region() {
        return region;
    }

    /** Deploys a function (replacing, and closing, one of the same name). */
    public void register(String functionName, FunctionRunner runner) {
        FunctionRunner previous = runners.put(functionName, runner);
        if (previous != null && previous != runner) {
            previous.close();
        }
        FunctionRunner replacedBefore = replaced.remove(functionName);
        if (replacedBefore != null) {
            replacedBefore.close();
        }
    }

    /** A handler object run in this JVM ({@link InProcessRunner}), for the gateway's own tests. */
    public void registerInProcess(String functionName, RequestStreamHandler handler) {
        register(functionName, new InProcessRunner(functionName, FunctionNames.arn(region, accountId, functionName),
                handler, Duration.ofMinutes(1)));
    }

    /**
     * The runner deployed under this name (the local pipeline's are {@code runtime.EnvironmentPool}).
     *
     * @throws FunctionNotFoundException when no function of that name is deployed
     */
    public FunctionRunner runner(String nameOrArn) {
        String name = FunctionNames.bareName(nameOrArn);
        FunctionRunner runner = runners.get(name);
        if (runner == null) {
            throw new FunctionNotFoundException(FunctionNames.arn(region, accountId, name));
        }
        return runner;
    }

    /**
     * For one test: the function runs with {@code replacement} (another timeout, another endpoint)
     * until {@link #resetFaults()}, which closes it and puts the deployed runner back, its warm
     * environments intact, so the change cannot leak into the next test.
     */
    public void replaceUntilReset(String functionName, FunctionRunner replacement) {
        String name = FunctionNames.bareName(functionName);
        FunctionRunner previous = runners.put(name, replacement);
        if (previous == null) {
            runners.remove(name);
            throw new FunctionNotFoundException(FunctionNames.arn(region, accountId, name));
        }
        if (replaced.putIfAbsent(name, previous) != null && previous != replacement) {
            previous.close();
        }
    }

    public boolean exists(String nameOrArn) {
        return runners.containsKey(FunctionNames.bareName(nameOrArn));
    }

    /** Fault: the function's next invocation does its work, then its runtime dies before answering. */
    public void crashAfterNextInvocation(String functionName) {
        crashAfterNextInvocations(functionName, 1);
    }

    /**
     * Fault: the next {@code count} invocations run the handler to the end (side effects happen),
     * then the runtime dies and the caller gets Lambda's {@code Runtime.ExitError} instead of the
     * result — what a runtime killed after the work (out of memory, say) looks like to Step Functions.
     */
    public void crashAfterNextInvocations(String functionName, int count) {
        crashesLeft.put(FunctionNames.bareName(functionName), count);
    }

    /** Turns the crash faults off and puts back the functions replaced for a test; deployed functions stay. */
    public void resetFaults() {
        crashesLeft.clear();
        replaced.forEach((name, deployed) -> {
            FunctionRunner replacement = runners.put(name, deployed);
            replaced.remove(name);
            if (replacement != null && replacement != deployed) {
                replacement.close();
            }
        });
    }

    /** Invocations of {@code functionName} running now. */
    public int inFlight(String functionName) {
        return inFlight.getOrDefault(functionName, 0);
    }

    public InvocationLog log() {
        return log;
    }

    /**
     * Runs the function (on the calling thread's behalf) and records the invocation.
     *
     * @throws FunctionNotFoundException when no function of that name is deployed
     */
    public Invocation invoke(String nameOrArn, byte[] payload, String invocationType) {
        String name = FunctionNames.bareName(nameOrArn);
        FunctionRunner runner = runner(name);
        String requestId = UUID.randomUUID().toString();
        Instant startedAt = Instant.now();
        inFlight.merge(name, 1, Integer::sum);
        FunctionRunner.Outcome outcome;
        try {
            outcome = runner.invoke(requestId, payload);
        } finally {
            inFlight.merge(name, -1, Integer::sum);
        }
        if (takeCrash(name)) {
            runner.discardEnvironments();
            outcome = FunctionRunner.Outcome.failure(LambdaErrors.document(new RuntimeExitError(requestId)));
        }
        Invocation invocation = new Invocation(requestId, name, invocationType, new String(payload, StandardCharsets.UTF_8),
                outcome.payload(), outcome.errorType(), outcome.errorMessage(), startedAt, Instant.now());
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

    /** Stops every function's environments. */
    @Override
    public void close() {
        resetFaults();
        runners.values().forEach(FunctionRunner::close);
        runners.clear();
    }
}
