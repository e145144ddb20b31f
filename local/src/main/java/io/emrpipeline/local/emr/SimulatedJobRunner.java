package io.emrpipeline.local.emr;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A runner that runs nothing: each job run follows a {@link JobPlan} set by the test. A run's
 * plan is chosen when it is submitted: the plan for its job name if one is set, else the next
 * queued plan, else the default plan.
 */
public final class SimulatedJobRunner implements InlineJobRunner {

    private static final JobPlan DEFAULT_PLAN = JobPlan.succeedAfter(Duration.ofMillis(300));

    private final Deque<JobPlan> queued = new ArrayDeque<>();
    private final Map<String, JobPlan> byJobName = new HashMap<>();
    private final Map<String, JobPlan> byJobRunId = new HashMap<>();
    private JobPlan defaultPlan = DEFAULT_PLAN;

    public synchronized void setDefaultPlan(JobPlan plan) {
        defaultPlan = plan;
    }

    /** The next job runs submitted take these plans, in order. */
    public synchronized void planNext(JobPlan... plans) {
        queued.addAll(List.of(plans));
    }

    /** Every job run with this {@code name} (the StartJobRun name) takes this plan. */
    public synchronized void planForJobName(String jobName, JobPlan plan) {
        byJobName.put(jobName, plan);
    }

    /** The plan a submitted run was given. */
    public synchronized Optional<JobPlan> planOf(String jobRunId) {
        return Optional.ofNullable(byJobRunId.get(jobRunId));
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
        return byJobRunId.computeIfAbsent(spec.jobRunId(), id -> {
            JobPlan named = spec.name() == null ? null : byJobName.get(spec.name());
            if (named != null) {
                return named;
            }
            JobPlan next = queued.poll();
            return next != null ? next : defaultPlan;
        });
    }

    public synchronized void reset() {
        queued.clear();
        byJobName.clear();
        byJobRunId.clear();
        defaultPlan = DEFAULT_PLAN;
    }
}
