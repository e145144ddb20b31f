package io.emrpipeline.cli.pipeline;

import java.time.Duration;

/**
 * How often a waiting command asks. Against AWS it starts at 2 s and grows to 15 s, so watching a
 * long job costs a few DescribeExecution and GetJobRun calls a minute (quotas: about 15 and 10 per
 * second for the whole account), whatever the job's length. Locally every call is free: 250 ms.
 */
public final class PollSchedule {

    private final Duration max;
    private final double growth;
    private Duration next;

    public PollSchedule(Duration first, Duration max, double growth) {
        this.next = first;
        this.max = max;
        this.growth = growth;
    }

    public static PollSchedule forTarget(boolean local) {
        return local ? new PollSchedule(Duration.ofMillis(250), Duration.ofMillis(250), 1)
                : new PollSchedule(Duration.ofSeconds(2), Duration.ofSeconds(15), 1.5);
    }

    /** The pause before the next call; each call lengthens the one after, up to the maximum. */
    public Duration next() {
        Duration now = next;
        long grown = (long) (next.toMillis() * growth);
        next = Duration.ofMillis(Math.min(grown, max.toMillis()));
        return now;
    }
}
