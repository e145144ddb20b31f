package io.emrpipeline.local.emr;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A runner that runs nothing: each job run follows a {@link JobPlan} set by the test. A run's
 * plan is chosen when it is submitted: the next queued plan, else the default plan. Each attempt
 * of a retried run takes a plan of its own, so a test can fail the first and pass the second.
 */
public final class SimulatedJobRunner implements InlineJobRunner {

    private static final JobPlan DEFAULT_PLAN = JobPlan.succeedAfter(Duration.ofMillis(300));

    private final Deque<JobPlan> queued = new ArrayDeque<>();
    private final Map<String, JobPlan> byAttempt = new HashMap<>();
    private JobPlan defaultPlan = DEFAULT_PLAN;

    public synchronized void setDefaultPlan(JobPlan plan) {
        defaultPlan = plan;
    }

    /** The next job runs submitted take these plans, in order. */
    public synchronized void planNext(JobPlan... plans) {
        queued.addAll(List.of(plans));
    }

    @Override
    public boolean completesInline(JobRunSpec spec) {
        return planFor(spec).inline();
    }

    @Override
    public JobOutcome run(JobRunSpec spec) throws InterruptedException {
        JobPlan plan = planFor(spec);
        if (plan.runFor() == null) {
            // Runs until CancelJobRun interrupts this thread.
            Thread.sleep(Long.MAX_VALUE);
        }
        Thread.sleep(plan.runFor().toMillis());
        return plan.outcome();
    }

    private synchronized JobPlan planFor(JobRunSpec spec) {
        return byAttempt.computeIfAbsent(spec.jobRunId() + "#" + spec.attempt(), id -> {
            JobPlan next = queued.poll();
            return next != null ? next : defaultPlan;
        });
    }

    public synchronized void reset() {
        queued.clear();
        byAttempt.clear();
        defaultPlan = DEFAULT_PLAN;
    }
}
