package io.emrpipeline.infra.settings;

import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import software.amazon.awscdk.services.logs.RetentionDays;

/**
 * The retention periods CloudWatch Logs accepts, in days, each with CDK's name for it: the one
 * table both the logRetentionDays setting (which values are valid) and the stack (which
 * {@link RetentionDays} to deploy) read. CDK's Java enum does not expose the day counts, so they
 * are written here once; LogRetentionTest checks them against what CDK synthesizes.
 */
public final class LogRetention {

    /** The logRetentionDays a deployment gets unless it sets another. */
    public static final int DEFAULT_DAYS = 30;

    private static final Map<Integer, RetentionDays> BY_DAYS = new TreeMap<>(Map.ofEntries(
            Map.entry(1, RetentionDays.ONE_DAY), Map.entry(3, RetentionDays.THREE_DAYS),
            Map.entry(5, RetentionDays.FIVE_DAYS), Map.entry(7, RetentionDays.ONE_WEEK),
            Map.entry(14, RetentionDays.TWO_WEEKS), Map.entry(30, RetentionDays.ONE_MONTH),
            Map.entry(60, RetentionDays.TWO_MONTHS), Map.entry(90, RetentionDays.THREE_MONTHS),
            Map.entry(120, RetentionDays.FOUR_MONTHS), Map.entry(150, RetentionDays.FIVE_MONTHS),
            Map.entry(180, RetentionDays.SIX_MONTHS), Map.entry(365, RetentionDays.ONE_YEAR),
            Map.entry(400, RetentionDays.THIRTEEN_MONTHS), Map.entry(545, RetentionDays.EIGHTEEN_MONTHS),
            Map.entry(731, RetentionDays.TWO_YEARS), Map.entry(1096, RetentionDays.THREE_YEARS),
            Map.entry(1827, RetentionDays.FIVE_YEARS), Map.entry(2192, RetentionDays.SIX_YEARS),
            Map.entry(2557, RetentionDays.SEVEN_YEARS), Map.entry(2922, RetentionDays.EIGHT_YEARS),
            Map.entry(3288, RetentionDays.NINE_YEARS), Map.entry(3653, RetentionDays.TEN_YEARS)));

    private LogRetention() {}

    /** CDK's value for a retention of {@code days}, if CloudWatch Logs accepts that many. */
    public static Optional<RetentionDays> of(int days) {
        return Optional.ofNullable(BY_DAYS.get(days));
    }

    /** CDK's value for a retention already validated (a setting, or {@link #DEFAULT_DAYS}). */
    public static RetentionDays require(int days) {
        return of(days).orElseThrow(() -> new IllegalArgumentException(
                "CloudWatch Logs has no retention of " + days + " days; it accepts " + acceptedDays()));
    }

    /** Every accepted number of days, in order. */
    public static SortedSet<Integer> acceptedDays() {
        return new TreeSet<>(BY_DAYS.keySet());
    }
}
