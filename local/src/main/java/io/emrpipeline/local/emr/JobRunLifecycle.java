package io.emrpipeline.local.emr;

import io.emrpipeline.local.events.EventPublisher;
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
 */
final class JobRunLifecycle implements AutoCloseable {

    private final EventPublisher events;
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, daemon("emr-scheduler"));
    private final ExecutorService workers = Executors.newCachedThreadPool(daemon("emr-job-run"));
    private volatile JobRunner runner;
    private volatile JobRunTimings timings = JobRunTimings.fast();
    private volatile boolean staleRunningAfterTerminal;

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

    void start(JobRun run) {
        if (runner instanceof InlineJobRunner inline && inline.completesInline(run.spec())) {
            runInline(run);
            return;
        }
        events.publish(JobRunEvents.stateChange(run.view()), false);
        later(timings.submitted(), () -> advance(run, JobRunState.SUBMITTED, JobRunState.PENDING));
    }

    private void runInline(JobRun run) {
        events.publish(JobRunEvents.stateChange(run.view()), true);
        move(run, JobRunState.SUBMITTED, JobRunState.PENDING, true);
        move(run, JobRunState.PENDING, JobRunState.SCHEDULED, true);
        move(run, JobRunState.SCHEDULED, JobRunState.RUNNING, true);
        work(run, true);
    }

    private void advance(JobRun run, JobRunState from, JobRunState to) {
        if (!move(run, from, to, false)) {
            return;
        }
        switch (to) {
            case PENDING -> later(timings.pending(), () -> advance(run, JobRunState.PENDING, JobRunState.SCHEDULED));
            case SCHEDULED -> later(timings.scheduled(), () -> advance(run, JobRunState.SCHEDULED, JobRunState.RUNNING));
            case RUNNING -> workers.execute(() -> work(run, false));
            default -> throw new IllegalStateException("no automatic move after " + to);
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
        JobRunState end = outcome.succeeded() ? JobRunState.SUCCESS : JobRunState.FAILED;
        run.moveTo(end, outcome.stateDetails(), Set.of(JobRunState.RUNNING))
                .ifPresent(view -> publishTerminal(view, synchronous));
    }

    /** Completes a cancellation; false when the run was not CANCELLING. */
    private boolean finishCancel(JobRun run, boolean synchronous) {
        return run.moveTo(JobRunState.CANCELLED, null, Set.of(JobRunState.CANCELLING))
                .map(view -> {
                    publishTerminal(view, synchronous);
                    return true;
                })
                .orElse(false);
    }

    private void publishTerminal(JobRunView view, boolean synchronous) {
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
