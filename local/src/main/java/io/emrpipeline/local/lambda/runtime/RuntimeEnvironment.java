package io.emrpipeline.local.lambda.runtime;

import io.emrpipeline.local.FreePorts;
import io.emrpipeline.local.lambda.FunctionRunner.Outcome;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One Lambda execution environment: AWS's runtime interface emulator on two loopback ports, with
 * the function's JVM under AWS's runtime interface client as its runtime, started the way
 * Lambda's java17 runtime starts it. It serves one invocation at a time (the emulator fails both
 * calls when a second arrives); {@link EnvironmentPool} keeps it that way.
 */
final class RuntimeEnvironment implements AutoCloseable {

    private static final String CLIENT_MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";
    private static final Duration READY_WITHIN = Duration.ofSeconds(10);
    /** Over the function timeout, which the emulator enforces itself: only a hung emulator reaches this. */
    private static final Duration CALL_MARGIN = Duration.ofSeconds(30);
    private static final int START_ATTEMPTS = 3;

    private final Process emulator;
    private final URI invocations;
    private final HttpClient http;
    private final Duration callTimeout;

    private RuntimeEnvironment(Process emulator, int port, HttpClient http, Duration functionTimeout) {
        this.emulator = emulator;
        this.invocations = URI.create("http://127.0.0.1:" + port + "/2015-03-31/functions/function/invocations");
        this.http = http;
        this.callTimeout = functionTimeout.plus(CALL_MARGIN);
    }

    /** Starts the emulator (the JVM itself starts on the first invocation, as a cold start does). */
    static RuntimeEnvironment start(FunctionDeployment function, RuntimeFiles files, Path log, HttpClient http)
            throws InterruptedException {
        IllegalStateException failure = null;
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            int invokePort = FreePorts.pick();
            int runtimeApiPort = FreePorts.pick();
            Process emulator = launch(function, files, log, invokePort, runtimeApiPort);
            if (awaitListening(emulator, invokePort)) {
                return new RuntimeEnvironment(emulator, invokePort, http, function.timeout());
            }
            // Most likely a port was taken between picking and binding: the emulator exits at once.
            destroy(emulator);
            failure = new IllegalStateException("the runtime interface emulator for " + function.name()
                    + " did not start (exit " + (emulator.isAlive() ? "none" : emulator.exitValue()) + "); see " + log);
        }
        throw failure;
    }

    Outcome invoke(String requestId, byte[] payload) throws EnvironmentLost, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(invocations)
                .timeout(callTimeout)
                .header("X-Amzn-RequestId", requestId)
                .POST(HttpRequest.BodyPublishers.ofByteArray(payload))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return InvokeResponses.outcome(response.statusCode(), response.body(), requestId);
        } catch (IOException e) {
            throw new EnvironmentLost(e.toString());
        }
    }

    boolean isAlive() {
        return emulator.isAlive();
    }

    /**
     * Kills the function's JVM with SIGKILL, as the OS kills a runtime out of memory; the emulator
     * stays, reports the death to the caller and starts a new runtime on the next invocation.
     *
     * @return how many runtime processes were killed (none between a timeout and the next init)
     */
    int killRuntime() {
        List<ProcessHandle> runtime = emulator.descendants().toList();
        runtime.forEach(ProcessHandle::destroyForcibly);
        return runtime.size();
    }

    @Override
    public void close() {
        destroy(emulator);
    }

    private static Process launch(FunctionDeployment function, RuntimeFiles files, Path log, int invokePort,
            int runtimeApiPort) {
        List<String> command = new ArrayList<>(List.of(files.emulator().toString(),
                "--runtime-interface-emulator-address", "127.0.0.1:" + invokePort,
                "--runtime-api-address", "127.0.0.1:" + runtimeApiPort,
                files.java().toString()));
        command.addAll(jvmOptions(function, files));
        command.addAll(List.of("-classpath", files.clientClasspath(), CLIENT_MAIN, function.handler()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(files.taskRoot().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> environment = builder.environment();
        // Only what Lambda gives a function: nothing of this JVM's own environment leaks in.
        environment.clear();
        environment.putAll(function.environment());
        environment.put("PATH", "/usr/local/bin:/usr/bin:/bin");
        environment.put("LANG", "en_US.UTF-8");
        environment.put("TZ", ":UTC");
        environment.put("LAMBDA_TASK_ROOT", files.taskRoot().toString());
        environment.put("AWS_EXECUTION_ENV", "AWS_Lambda_java17");
        environment.put("AWS_LAMBDA_FUNCTION_NAME", function.name());
        environment.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        environment.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(function.memoryMb()));
        environment.put("AWS_LAMBDA_FUNCTION_TIMEOUT", Long.toString(function.timeout().toSeconds()));
        try {
            return builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + files.emulator() + ": " + e.getMessage(), e);
        }
    }

    /** The options Lambda's java17 runtime starts the JVM with (heap from the memory size, C1 only, serial GC). */
    private static List<String> jvmOptions(FunctionDeployment function, RuntimeFiles files) {
        long heapKb = function.memoryMb() * 1024L * 85 / 100;
        return List.of(
                "-XX:MaxHeapSize=" + heapKb + "k",
                "-XX:+UseSerialGC",
                "-Xshare:auto",
                "-XX:+TieredCompilation",
                "-XX:TieredStopAtLevel=1",
                "--add-opens=java.base/java.io=ALL-UNNAMED",
                "-Dorg.crac.Core.Compat=com.amazonaws.services.lambda.crac",
                "-XX:+ErrorFileToStderr",
                "-Dcom.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI=" + files.nativeLibrary());
    }

    private static boolean awaitListening(Process emulator, int port) throws InterruptedException {
        Instant deadline = Instant.now().plus(READY_WITHIN);
        while (Instant.now().isBefore(deadline)) {
            if (!emulator.isAlive()) {
                return false;
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return true;
            } catch (IOException notYet) {
                Thread.sleep(20);
            }
        }
        return false;
    }

    /** The runtime JVM runs in its own process group: stop it by name, then the emulator. */
    private static void destroy(Process emulator) {
        emulator.descendants().forEach(ProcessHandle::destroyForcibly);
        emulator.destroy();
        try {
            if (!emulator.waitFor(5, TimeUnit.SECONDS)) {
                emulator.destroyForcibly();
            }
        } catch (InterruptedException e) {
            emulator.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** The emulator stopped answering mid-invocation: this environment is gone. */
    static final class EnvironmentLost extends Exception {
        EnvironmentLost(String reason) {
            super(reason);
        }
    }
}
