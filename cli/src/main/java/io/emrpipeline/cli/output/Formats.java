package io.emrpipeline.cli.output;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How times, durations and costs read for people. */
public final class Formats {

    /**
     * EMR Serverless on-demand list prices, us-east-1, x86_64 (per vCPU-hour, per GB-hour of
     * memory, per GB-hour of storage beyond the free 20 GB): an estimate, labelled as one.
     * Other regions and arm64 cost less or more; the billed figures themselves are exact.
     */
    public static final double USD_PER_VCPU_HOUR = 0.052624;
    public static final double USD_PER_GB_HOUR = 0.0057785;
    public static final double USD_PER_STORAGE_GB_HOUR = 0.000111;
    public static final String PRICE_BASIS = "EMR Serverless us-east-1 x86_64 list prices";

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private Formats() {}

    /** 850 ms, 4.2 s, 3m 05s, 2h 01m. */
    public static String duration(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1000) {
            return millis + " ms";
        }
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        long seconds = duration.toSeconds();
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%dm %02ds", seconds / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%dh %02dm", seconds / 3600, (seconds % 3600) / 60);
    }

    public static String clock(Instant instant, ZoneId zone) {
        return CLOCK.format(instant.atZone(zone));
    }

    public static String dateTime(Instant instant, ZoneId zone) {
        return DATE_TIME.format(instant.atZone(zone));
    }

    /** The estimated cost of billed resource utilization ({vCPUHour, memoryGBHour, storageGBHour}); null without figures. */
    public static Double estimatedUsd(JsonNode billed) {
        if (billed == null || !billed.isObject() || !billed.has("vCPUHour")) {
            return null;
        }
        return billed.path("vCPUHour").asDouble() * USD_PER_VCPU_HOUR
                + billed.path("memoryGBHour").asDouble() * USD_PER_GB_HOUR
                + billed.path("storageGBHour").asDouble() * USD_PER_STORAGE_GB_HOUR;
    }

    /** $0.0063, $1.24: four decimals under a dollar, so a small job's cost is not "$0.00". */
    public static String usd(Double usd) {
        if (usd == null) {
            return "-";
        }
        return usd < 1 ? String.format(Locale.ROOT, "$%.4f", usd) : String.format(Locale.ROOT, "$%.2f", usd);
    }

    /** "0.083 vCPU-h, 0.333 GB-h memory, 0 GB-h storage". */
    public static String billed(JsonNode billed) {
        if (billed == null || !billed.isObject()) {
            return "nothing billed";
        }
        return String.format(Locale.ROOT, "%.3f vCPU-h, %.3f GB-h memory, %.3f GB-h storage",
                billed.path("vCPUHour").asDouble(), billed.path("memoryGBHour").asDouble(),
                billed.path("storageGBHour").asDouble());
    }
}
