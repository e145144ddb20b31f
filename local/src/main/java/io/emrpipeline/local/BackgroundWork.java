package io.emrpipeline.local;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Work the gateway does after answering a request — EventBridge deliveries, asynchronous
 * ({@code Event}) Lambda invocations — counted so tests can wait until all of it is done
 * instead of sleeping.
 */
public final class BackgroundWork implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(BackgroundWork.class.getName());

    private final ExecutorService pool;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Object quiet = new Object();

    public BackgroundWork(String threadName) {
        this.pool = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        });
    }

    public void submit(Runnable task) {
        inFlight.incrementAndGet();
        pool.execute(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                // The task's own record (delivery, invocation) already says what failed; this is a bug in the harness.
                LOG.log(System.Logger.Level.ERROR, "background task failed", e);
            } finally {
                if (inFlight.decrementAndGet() == 0) {
                    synchronized (quiet) {
                        quiet.notifyAll();
                    }
                }
            }
        });
    }

    /** Waits until no task is running or queued; returns false if that did not happen in time. */
    public boolean awaitQuiet(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (quiet) {
            while (inFlight.get() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(quiet, left);
            }
        }
        return true;
    }

    public int inFlight() {
        return inFlight.get();
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
