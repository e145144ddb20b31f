package io.emrpipeline.local.emr;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An application's {@code maxConcurrentRuns}: how many of its runs may be past SUBMITTED/QUEUED
 * at once, and the queue of runs waiting for a slot, oldest first. Applications without a limit
 * never queue.
 */
final class ConcurrencySlots {

    private final Map<String, Integer> limitByApplication = new HashMap<>();
    private final Map<String, Set<String>> holdersByApplication = new HashMap<>();
    private final Map<String, Deque<JobRun>> queueByApplication = new HashMap<>();

    synchronized void setLimit(String applicationId, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("maxConcurrentRuns must be at least 1, was " + limit);
        }
        limitByApplication.put(applicationId, limit);
    }

    /** Takes a slot for the run, or queues it (the caller moves it to QUEUED) and answers false. */
    synchronized boolean tryAcquire(JobRun run) {
        Set<String> holders = holders(run.applicationId());
        Integer limit = limitByApplication.get(run.applicationId());
        if (limit == null || holders.size() < limit) {
            holders.add(run.view().jobRunId());
            return true;
        }
        queueByApplication.computeIfAbsent(run.applicationId(), id -> new ArrayDeque<>()).add(run);
        return false;
    }

    /** @return true when the run held a slot, which is now free */
    synchronized boolean release(JobRun run) {
        return holders(run.applicationId()).remove(run.view().jobRunId());
    }

    /**
     * The oldest run still QUEUED, now holding a slot, when one is free; runs that left QUEUED
     * meanwhile (cancelled) are dropped from the queue. A head not yet moved to QUEUED stays: its
     * own admission looks again once it is.
     */
    synchronized Optional<JobRun> nextQueued(String applicationId) {
        Deque<JobRun> queue = queueByApplication.getOrDefault(applicationId, new ArrayDeque<>());
        Integer limit = limitByApplication.get(applicationId);
        Set<String> holders = holders(applicationId);
        while (!queue.isEmpty() && (limit == null || holders.size() < limit)) {
            JobRunState state = queue.peek().view().state();
            if (state == JobRunState.SUBMITTED) {
                break;
            }
            JobRun next = queue.poll();
            if (state == JobRunState.QUEUED) {
                holders.add(next.view().jobRunId());
                return Optional.of(next);
            }
        }
        return Optional.empty();
    }

    synchronized void clear() {
        limitByApplication.clear();
        holdersByApplication.clear();
        queueByApplication.clear();
    }

    private Set<String> holders(String applicationId) {
        return holdersByApplication.computeIfAbsent(applicationId, id -> new HashSet<>());
    }
}
