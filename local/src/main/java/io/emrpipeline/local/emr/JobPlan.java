package io.emrpipeline.local.emr;

import java.time.Duration;

/**
 * What a simulated job run does once RUNNING.
 *
 * @param runFor how long it runs; null means until CancelJobRun
 * @param outcome how it ends after {@code runFor}; null when it runs until cancelled
 * @param inline the whole lifecycle happens inside the StartJobRun request (see {@link InlineJobRunner})
 */
public record JobPlan(Duration runFor, JobOutcome outcome, boolean inline) {

    public static JobPlan succeedAfter(Duration runFor) {
        return new JobPlan(runFor, JobOutcome.success(), false);
    }

    public static JobPlan failAfter(Duration runFor, String stateDetails) {
        return new JobPlan(runFor, JobOutcome.failure(stateDetails), false);
    }

    public static JobPlan runUntilCancelled() {
        return new JobPlan(null, null, false);
    }

    /** Terminal (SUCCESS) before StartJobRun answers, every state-change event already delivered. */
    public static JobPlan instantSuccess() {
        return new JobPlan(Duration.ZERO, JobOutcome.success(), true);
    }

    /** Terminal (FAILED) before StartJobRun answers, every state-change event already delivered. */
    public static JobPlan instantFailure(String stateDetails) {
        return new JobPlan(Duration.ZERO, JobOutcome.failure(stateDetails), true);
    }
}
