package io.emrpipeline.local.spark;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * One spark-submit process and everything it starts: the driver JVM (spark-submit execs into
 * it), the Python driver and the PySpark worker daemon with its forked workers. Output goes
 * straight to files, so no thread has to drain pipes and a chatty job can never block on them.
 */
final class DriverProcess {

    /** How long SIGTERM gets (Spark's shutdown hooks clean their temp dirs) before SIGKILL. */
    static final Duration TERMINATE_GRACE = Duration.ofSeconds(2);

    private final Process process;

    private DriverProcess(Process process) {
        this.process = process;
    }

    static DriverProcess start(List<String> command, Map<String, String> environment, Path workingDirectory,
            Path stdout, Path stderr) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workingDirectory.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile());
        builder.environment().clear();
        builder.environment().putAll(environment);
        return new DriverProcess(builder.start());
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    /**
     * Waits for the process to exit. When the waiting thread is interrupted (CancelJobRun), the
     * whole process tree is ended before the interrupt is passed on.
     */
    int waitFor() throws InterruptedException {
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            destroyTree();
            throw e;
        }
    }

    /** Ends the process and all its descendants: SIGTERM, then SIGKILL for whatever outlives the grace period. */
    void destroyTree() {
        // Descendants are listed first: once the JVM is gone its children are re-parented and no longer found.
        List<ProcessHandle> tree = Stream.concat(process.descendants(), Stream.of(process.toHandle())).toList();
        tree.forEach(ProcessHandle::destroy);
        if (!awaitExit(tree, TERMINATE_GRACE)) {
            tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
            awaitExit(tree, TERMINATE_GRACE);
        }
    }

    private static boolean awaitExit(List<ProcessHandle> processes, Duration timeout) {
        CompletableFuture<?>[] exits = processes.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(exits).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            // A second interrupt (a reset during a cancel): stop waiting politely, keep the flag for the caller.
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static File nullDevice() {
        return new File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
