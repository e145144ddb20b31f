package io.emrpipeline.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * moto in server mode as a child process on 127.0.0.1.
 *
 * <p>Facts about moto 5.2.x this class encodes: its Step Functions engine only runs ASL when
 * {@code execute_state_machine} is set through {@code POST /moto-api/config}, and it calls Lambda
 * at {@code http://localhost:$MOTO_PORT} — so {@code MOTO_PORT} is set to the local gateway's
 * port while moto itself listens on another. {@code POST /moto-api/reset} clears every backend;
 * the config is set again after it so no test depends on whether reset keeps it.
 */
public final class MotoServer implements AutoCloseable {

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(90);
    private static final int START_ATTEMPTS = 3;

    private final Process process;
    private final int port;
    private final Path logFile;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    // A JVM killed mid-test must not leave moto behind holding ports.
    private final Thread shutdownHook = new Thread(this::stop, "moto-shutdown");

    private MotoServer(Process process, int port, Path logFile) {
        this.process = process;
        this.port = port;
        this.logFile = logFile;
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Starts moto on a free port and waits until it answers, with Step Functions execution on.
     *
     * @param executable the venv's {@code moto_server} script
     * @param gatewayPort where moto's Step Functions engine will send Lambda invocations
     * @param logFile moto's stdout and stderr
     */
    public static MotoServer start(Path executable, int gatewayPort, Path logFile) throws IOException, InterruptedException {
        IllegalStateException lastFailure = null;
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            try {
                return start(executable, FreePorts.pick(), gatewayPort, logFile);
            } catch (IllegalStateException e) {
                // Most likely the picked port was taken before moto bound it; try another.
                lastFailure = e;
            }
        }
        throw lastFailure;
    }

    /** Starts moto on the given port (never 0: moto would not say which port it took). */
    public static MotoServer start(Path executable, int port, int gatewayPort, Path logFile)
            throws IOException, InterruptedException {
        Files.createDirectories(logFile.toAbsolutePath().getParent());
        MotoServer moto = launch(executable, gatewayPort, port, logFile);
        try {
            moto.awaitReady();
            moto.enableStepFunctionsExecution();
            return moto;
        } catch (IllegalStateException | InterruptedException e) {
            moto.close();
            throw e;
        }
    }

    private static MotoServer launch(Path executable, int gatewayPort, int port, Path logFile) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(executable.toString(), "-H", "127.0.0.1", "-p", Integer.toString(port))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("AWS_"));
        env.put("MOTO_PORT", Integer.toString(gatewayPort));
        env.put("AWS_DEFAULT_REGION", "us-east-1");
        env.put("AWS_ACCESS_KEY_ID", "test");
        env.put("AWS_SECRET_ACCESS_KEY", "test");
        return new MotoServer(builder.start(), port, logFile);
    }

    private void awaitReady() throws InterruptedException {
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("moto_server exited with code " + process.exitValue()
                        + " while starting on port " + port + "; its log is " + logFile.toAbsolutePath());
            }
            try {
                if (get("/moto-api/").statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // Expected until moto has bound its port.
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("moto_server did not answer on port " + port + " within " + STARTUP_TIMEOUT
                + "; its log is " + logFile.toAbsolutePath());
    }

    public int port() {
        return port;
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public Path logFile() {
        return logFile;
    }

    /** Clears every moto backend (and sets the Step Functions config again). */
    public void reset() throws IOException, InterruptedException {
        post("/moto-api/reset", "");
        enableStepFunctionsExecution();
    }

    private void enableStepFunctionsExecution() throws InterruptedException {
        try {
            post("/moto-api/config", "{\"stepfunctions\":{\"execute_state_machine\":true}}");
        } catch (IOException e) {
            throw new IllegalStateException("moto did not accept its config; its log is " + logFile.toAbsolutePath(), e);
        }
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(endpoint().resolve(path)).timeout(Duration.ofSeconds(5)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private void post(String path, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(endpoint().resolve(path))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("moto answered " + response.statusCode() + " to POST " + path + ": " + response.body());
        }
    }

    /** Stops moto and anything it started; waits for it to be gone. */
    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is exiting and the hook is running or about to: nothing left to unregister.
        }
    }

    private void stop() {
        if (!process.isAlive()) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
