package io.emrpipeline.local.emr;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * One job run's mutable state. Every change goes through a guarded compare-and-move
 * ({@link #moveTo}), because the scheduler, the runner's worker thread, CancelJobRun and reset
 * race for the same run; a move whose expected state is gone is simply not made.
 */
final class JobRun {

    private final JobRunView identity;
    private final JobRunSpec spec;
    private JobRunState state = JobRunState.SUBMITTED;
    private JobRunState previousState;
    private String stateDetails;
    private Instant updatedAt;
    private Instant startedAt;
    private Instant endedAt;
    private int attempt = 1;
    private Instant attemptCreatedAt;
    private Thread worker;
    private boolean discarded;

    /** @param identity the run as created: its fields other than state and times never change */
    JobRun(JobRunView identity, JobRunSpec spec) {
        this.identity = identity;
        this.spec = spec;
        this.updatedAt = identity.createdAt();
        this.attemptCreatedAt = identity.createdAt();
    }

    /** What the runner needs for the current attempt. */
    synchronized JobRunSpec spec() {
        return spec.forAttempt(attempt);
    }

    String applicationId() {
        return identity.applicationId();
    }

    synchronized JobRunView view() {
        return new JobRunView(identity.region(), identity.accountId(), identity.applicationId(), identity.jobRunId(),
                identity.name(), identity.arn(), identity.createdBy(), identity.executionRole(),
                identity.releaseLabel(), identity.request(), identity.createdAt(), updatedAt, state, previousState,
                stateDetails, startedAt, endedAt, attempt, attemptCreatedAt);
    }

    /** Moves to {@code next} if the run is in one of {@code from}; returns the new snapshot, or empty. */
    synchronized Optional<JobRunView> moveTo(JobRunState next, String details, Set<JobRunState> from) {
        if (discarded || !from.contains(state)) {
            return Optional.empty();
        }
        Instant now = Instant.now();
        previousState = state;
        state = next;
        updatedAt = now;
        if (next == JobRunState.RUNNING && startedAt == null) {
            // Billing runs from the first attempt's start: EMR bills every attempt.
            startedAt = now;
        }
        if (next.isTerminal()) {
            endedAt = now;
            stateDetails = details;
        }
        return Optional.of(view());
    }

    /**
     * A failed attempt under a retry policy: the run goes back to PENDING as its next attempt, in
     * one move, so nobody ever reads a FAILED run that is about to run again.
     *
     * @return the failed attempt as its events describe it, and the run as it is now; empty when the
     *     run is no longer RUNNING (a cancel came first)
     */
    synchronized Optional<Retry> retry(String failedDetails) {
        if (discarded || state != JobRunState.RUNNING) {
            return Optional.empty();
        }
        JobRunView failed = view().as(JobRunState.FAILED, JobRunState.RUNNING, failedDetails, attempt);
        previousState = state;
        state = JobRunState.PENDING;
        attempt++;
        updatedAt = Instant.now();
        attemptCreatedAt = updatedAt;
        return Optional.of(new Retry(failed, view()));
    }

    record Retry(JobRunView failedAttempt, JobRunView next) {}

    synchronized int attempt() {
        return attempt;
    }

    /**
     * Starts a cancellation: CANCELLING, and the runner's thread interrupted.
     *
     * @return the snapshot in CANCELLING and the state it left, or empty when already cancelling
     * @throws EmrApiException ValidationException when the run is already terminal, as AWS answers
     */
    synchronized Optional<CancelStarted> beginCancel() {
        if (state.isTerminal()) {
            throw EmrApiException.validation("Job run " + identity.jobRunId() + " is not in a cancellable state");
        }
        if (state == JobRunState.CANCELLING || discarded) {
            return Optional.empty();
        }
        JobRunState left = state;
        JobRunView cancelling = moveTo(JobRunState.CANCELLING, null, Set.of(left)).orElseThrow();
        if (worker != null) {
            // Interrupting under the lock: the worker detaches under it too, so a late interrupt
            // can never hit the next task the pool thread picks up.
            worker.interrupt();
        }
        return Optional.of(new CancelStarted(cancelling, left));
    }

    record CancelStarted(JobRunView view, JobRunState leftState) {}

    /** Registers the thread running the job body; false when the run is no longer RUNNING (cancelled first). */
    synchronized boolean attachWorker(Thread thread) {
        if (discarded || state != JobRunState.RUNNING) {
            return false;
        }
        worker = thread;
        return true;
    }

    synchronized void detachWorker() {
        worker = null;
    }

    /** Makes the run inert (reset between tests): no more moves, no more events; its runner is interrupted. */
    synchronized void discard() {
        discarded = true;
        if (worker != null) {
            worker.interrupt();
        }
    }
}
