package io.emrpipeline.local.emr;

import java.time.Duration;

/**
 * How long a local run stays in each state before RUNNING, and in CANCELLING when it was not yet
 * running. On AWS these take seconds to minutes; locally they are short but non-zero, so the
 * pipeline meets the states in between as it would on AWS.
 */
public record JobRunTimings(Duration submitted, Duration pending, Duration scheduled, Duration cancelling) {

    public static JobRunTimings fast() {
        Duration step = Duration.ofMillis(100);
        return new JobRunTimings(step, step, step, step);
    }

    public static JobRunTimings uniform(Duration step) {
        return new JobRunTimings(step, step, step, step);
    }
}
