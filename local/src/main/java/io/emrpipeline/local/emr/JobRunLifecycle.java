package io.emrpipeline.local.emr;

import io.emrpipeline.local.events.EventPublisher;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.time.Duration;

/**
 * Drives runs through EMR Serverless' lifecycle: SUBMITTED → PENDING → SCHEDULED on a scheduler,
 * RUNNING on a worker thread that calls the {@link JobRunner}, then SUCCESS or FAILED; a cancel
 * goes CANCELLING → CANCELLED, interrupting the runner. Each change publishes its event.
 *
 * <p>Two parts of the service's lifecycle that only some runs meet: under an application's
 * {@code maxConcurrentRuns} a run past the limit waits in QUEUED until a running one ends
 * ({@link ConcurrencySlots}); and a batch run whose {@code retryPolicy.maxAttempts} allows it goes
 * back to PENDING as its next attempt after a failed one, with the failed attempt's FAILED event and
 * an "EMR Serverless Job Run Retry" event.
 */
final class JobRunLifecycle implements AutoCloseable {

    private final EventPublisher events;
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, daemon("emr-scheduler"));
    private final ExecutorService workers = Executors.newCachedThreadPool(daemon("emr-job-run"));
    private volatile JobRunner runner;
    private volatile JobRunTimings timings = JobRunTimings.fast();
    private volatile boolean staleRunningAfterTerminal;
    private final ConcurrencySlots slots = new ConcurrencySlots();

    JobRunLifecycle(EventPublisher events, JobRunner runner) {
        this.events = events;
        this.runner = runner;
    }

    void setRunner(JobRunner runner) {
        this.runner = runner;
    }

    void setTimings(JobRunTimings timings) {
        this.timings = timings;
    }

    void setStaleRunningAfterTerminal(boolean on) {
        staleRunningAfterTerminal = on;
    }

    /** An application's concurrency limit; unset means no limit (the model's default). */
    void setMaxConcurrentRuns(String applicationId, int limit) {
        slots.setLimit(applicationId, limit);
    }

    void resetConcurrency() {
        slots.clear();
    }

    void start(JobRun run) {
        if (runner instanceof InlineJobRunner inline && inline.completesInline(run.spec())) {
            runInline(run);
            return;
        }
        events.publish(JobRunEvents.stateChange(run.view()), false);
        later(timings.submitted(), () -> admit(run));
    }

    /** SUBMITTED → PENDING when the application has a free slot, else QUEUED until one frees. */
    private void admit(JobRun run) {
        if (slots.tryAcquire(run)) {
            if (!advance(run, JobRunState.SUBMITTED, JobRunState.PENDING)) {
                release(run);
            }
            return;
        }
        run.moveTo(JobRunState.QUEUED, null, Set.of(JobRunState.SUBMITTED))
                .ifPresent(view -> events.publish(JobRunEvents.stateChange(view), false));
        // A slot may have freed between the refusal and the move: look again.
        dequeue(run.applicationId());
    }

    /** A run that held a slot ended: the oldest queued run of its application takes the slot. */
    private void release(JobRun run) {
        if (slots.release(run)) {
            dequeue(run.applicationId());
        }
    }

    private void dequeue(String applicationId) {
        slots.nextQueued(applicationId).ifPresent(next -> {
            if (!advance(next, JobRunState.QUEUED, JobRunState.PENDING)) {
                release(next);
            }
        });
    }

    private void runInline(JobRun run) {
        events.publish(JobRunEvents.stateChange(run.view()), true);
        move(run, JobRunState.SUBMITTED, JobRunState.PENDING, true);
        move(run, JobRunState.PENDING, JobRunState.SCHEDULED, true);
        move(run, JobRunState.SCHEDULED, JobRunState.RUNNING, true);
        work(run, true);
    }

    private boolean advance(JobRun run, JobRunState from, JobRunState to) {
        if (!move(run, from, to, false)) {
            return false;
        }
        afterEntering(run, to);
        return true;
    }

    private void afterEntering(JobRun run, JobRunState state) {
        switch (state) {
            case PENDING -> later(timings.pending(), () -> advance(run, JobRunState.PENDING, JobRunState.SCHEDULED));
            case SCHEDULED -> later(timings.scheduled(), () -> advance(run, JobRunState.SCHEDULED, JobRunState.RUNNING));
            case RUNNING -> workers.execute(() -> work(run, false));
            default -> throw new IllegalStateException("no automatic move after " + state);
        }
    }

    private boolean move(JobRun run, JobRunState from, JobRunState to, boolean synchronous) {
        return run.moveTo(to, null, Set.of(from))
                .map(view -> {
                    events.publish(JobRunEvents.stateChange(view), synchronous);
                    return true;
                })
                .orElse(false);
    }

    /** The RUNNING phase, on the calling thread; ends the run according to the runner's outcome. */
    private void work(JobRun run, boolean synchronous) {
        if (!run.attachWorker(Thread.currentThread())) {
            finishCancel(run, synchronous);
            return;
        }
        JobOutcome outcome;
        try {
            outcome = runner.run(run.spec());
        } catch (InterruptedException e) {
            outcome = JobOutcome.failure("Job run was interrupted");
        } catch (RuntimeException e) {
            // A runner that blows up is a failed job (e.g. spark-submit could not start), not a harness crash.
            outcome = JobOutcome.failure(e.toString());
        } finally {
            run.detachWorker();
            // Clears an interrupt from CancelJobRun so it cannot leak into the pool thread's next task.
            Thread.interrupted();
        }
        if (finishCancel(run, synchronous)) {
            return;
        }
        if (!outcome.succeeded() && !synchronous && run.attempt() < maxAttempts(run)) {
            Optional<JobRun.Retry> retry = run.retry(outcome.stateDetails());
            if (retry.isPresent()) {
                // The run is already PENDING again when its failed attempt's event goes out.
                events.publish(JobRunEvents.stateChange(retry.get().failedAttempt()), false);
                events.publish(JobRunEvents.retry(retry.get().next()), false);
                events.publish(JobRunEvents.stateChange(retry.get().next()), false);
                afterEntering(run, JobRunState.PENDING);
                return;
            }
        }
        JobRunState end = outcome.succeeded() ? JobRunState.SUCCESS : JobRunState.FAILED;
        run.moveTo(end, outcome.stateDetails(), Set.of(JobRunState.RUNNING))
                .ifPresent(view -> publishTerminal(run, view, synchronous));
    }

    /** A batch run's retryPolicy.maxAttempts (1, no retry, when unset); streaming runs are not modelled. */
    private static int maxAttempts(JobRun run) {
        return run.view().request().path("retryPolicy").path("maxAttempts").asInt(1);
    }

    /** Completes a cancellation; false when the run was not CANCELLING. */
    private boolean finishCancel(JobRun run, boolean synchronous) {
        return run.moveTo(JobRunState.CANCELLED, null, Set.of(JobRunState.CANCELLING))
                .map(view -> {
                    publishTerminal(run, view, synchronous);
                    return true;
                })
                .orElse(false);
    }

    private void publishTerminal(JobRun run, JobRunView view, boolean synchronous) {
        release(run);
        events.publish(JobRunEvents.stateChange(view), synchronous);
        if (staleRunningAfterTerminal) {
            events.publish(JobRunEvents.staleRunning(view), synchronous);
        }
    }

    /** CancelJobRun: CANCELLING now; CANCELLED once the runner stops, or after a short delay if it never started. */
    JobRunView cancel(JobRun run) {
        return run.beginCancel()
                .map(started -> {
                    events.publish(JobRunEvents.stateChange(started.view()), false);
                    if (started.leftState() != JobRunState.RUNNING) {
                        later(timings.cancelling(), () -> finishCancel(run, false));
                    }
                    return started.view();
                })
                .orElseGet(run::view);
    }

    private void later(Duration delay, Runnable step) {
        scheduler.schedule(step, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        workers.shutdownNow();
    }
}
