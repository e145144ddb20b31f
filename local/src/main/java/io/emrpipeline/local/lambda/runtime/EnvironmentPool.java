package io.emrpipeline.local.lambda.runtime;

import io.emrpipeline.local.lambda.FunctionRunner;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A function's execution environments, as Lambda keeps them: an idle (warm) environment serves the
 * next invocation; when all are busy, a new one cold-starts, up to {@code limit}; past that an
 * invocation waits for one to free up. Each environment serves one invocation at a time.
 */
public final class EnvironmentPool implements FunctionRunner {

    /** What the emulator answers when it failed itself, before the function ran. */
    private static final String EMULATOR_FAILURE = "Sandbox.Failure";
    /** Outcomes after which the emulator resets its runtime: the environment is not reused. */
    private static final Set<String> NOT_REUSABLE_AFTER = Set.of("Sandbox.Timedout", "Runtime.ExitError", EMULATOR_FAILURE);

    private final FunctionDeployment function;
    private final RuntimeFiles files;
    private final int limit;
    private final Path logDirectory;
    private final HttpClient http;
    private final Deque<RuntimeEnvironment> idle = new ArrayDeque<>();
    private final Set<RuntimeEnvironment> all = new HashSet<>();
    private int starting;
    private int started;
    private boolean closed;

    /**
     * @param limit the most environments at once (Lambda's concurrency for this function)
     * @param logDirectory where each environment writes the emulator's and the function's output
     */
    public EnvironmentPool(FunctionDeployment function, RuntimeFiles files, int limit, Path logDirectory) {
        this.function = function;
        this.files = files;
        this.limit = limit;
        this.logDirectory = logDirectory;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    public FunctionDeployment function() {
        return function;
    }

    @Override
    public Outcome invoke(String requestId, byte[] payload) {
        Outcome outcome = invokeOnce(requestId, payload);
        if (EMULATOR_FAILURE.equals(outcome.errorType())) {
            // The emulator's own failure (its gate to the runtime was cancelled by a reset still in
            // progress): the function never ran. Lambda would run it, so it runs in a fresh environment.
            outcome = invokeOnce(requestId, payload);
        }
        return outcome;
    }

    private Outcome invokeOnce(String requestId, byte[] payload) {
        RuntimeEnvironment environment;
        try {
            environment = acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return InvokeResponses.runtimeExited(requestId, "interrupted while waiting for an environment");
        }
        boolean healthy = false;
        try {
            Outcome outcome = environment.invoke(requestId, payload);
            // After a timeout the emulator resets its runtime in the background; an invocation that
            // arrives meanwhile fails in the emulator. Lambda re-initialises too: use a new environment.
            healthy = environment.isAlive()
                    && (outcome.errorType() == null || !NOT_REUSABLE_AFTER.contains(outcome.errorType()));
            return outcome;
        } catch (RuntimeEnvironment.EnvironmentLost e) {
            return InvokeResponses.runtimeExited(requestId, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return InvokeResponses.runtimeExited(requestId, "interrupted");
        } finally {
            release(environment, healthy);
        }
    }

    /** Stops the idle environments, so the next invocation is a cold start in a new one. */
    @Override
    public void discardEnvironments() {
        List<RuntimeEnvironment> stopping;
        synchronized (this) {
            stopping = List.copyOf(idle);
            idle.clear();
            all.removeAll(stopping);
            notifyAll();
        }
        stopping.forEach(RuntimeEnvironment::close);
    }

    /**
     * Fault for tests: kills the runtime (the function's JVM) of every environment serving an
     * invocation right now. The caller of that invocation gets what the emulator reports.
     *
     * @return how many runtime processes were killed
     */
    public int killRunningRuntimes() {
        List<RuntimeEnvironment> busy;
        synchronized (this) {
            busy = all.stream().filter(environment -> !idle.contains(environment)).toList();
        }
        return busy.stream().mapToInt(RuntimeEnvironment::killRuntime).sum();
    }

    /** How many environments this function has started so far (cold starts). */
    public synchronized int coldStarts() {
        return started;
    }

    @Override
    public void close() {
        List<RuntimeEnvironment> stopping;
        synchronized (this) {
            closed = true;
            stopping = List.copyOf(all);
            all.clear();
            idle.clear();
            notifyAll();
        }
        stopping.forEach(RuntimeEnvironment::close);
    }

    private RuntimeEnvironment acquire() throws InterruptedException {
        synchronized (this) {
            while (true) {
                if (closed) {
                    throw new IllegalStateException(function.name() + " is no longer deployed");
                }
                if (!idle.isEmpty()) {
                    return idle.pop();
                }
                if (all.size() + starting < limit) {
                    starting++;
                    break;
                }
                wait();
            }
        }
        RuntimeEnvironment environment = null;
        try {
            int number;
            synchronized (this) {
                number = ++started;
            }
            Path log = RuntimeFiles.logFile(logDirectory, function.name() + "-" + number + ".log");
            environment = RuntimeEnvironment.start(function, files, log, http);
            return environment;
        } finally {
            synchronized (this) {
                starting--;
                if (environment != null) {
                    all.add(environment);
                }
                notifyAll();
            }
        }
    }

    private void release(RuntimeEnvironment environment, boolean healthy) {
        boolean stop;
        synchronized (this) {
            stop = !healthy || closed || !all.contains(environment);
            if (stop) {
                all.remove(environment);
            } else {
                idle.push(environment);
            }
            notifyAll();
        }
        if (stop) {
            environment.close();
        }
    }
}
