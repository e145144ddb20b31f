package io.emrpipeline.local.emr;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.emrpipeline.local.http.Json;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plausible resource-utilization figures for a local run, since nothing real is measured.
 *
 * <p>Model: EMR Serverless' Spark defaults — one driver plus {@code spark.executor.instances}
 * executors (3 when not set), each worker 4 vCPU, 16 GB memory, 20 GB disk — all held for the
 * whole RUNNING period. Total = workers × size × hours. Billed is the same but each worker is
 * charged at least one minute (EMR Serverless' minimum), and storage is not billed because the
 * first 20 GB per worker are free.
 */
public record ResourceUsage(double vCpuHours, double memoryGbHours, double storageGbHours) {

    static final int VCPU_PER_WORKER = 4;
    static final int MEMORY_GB_PER_WORKER = 16;
    static final int DISK_GB_PER_WORKER = 20;
    private static final int DEFAULT_EXECUTORS = 3;
    private static final Duration MINIMUM_BILLED = Duration.ofMinutes(1);
    private static final Pattern EXECUTOR_INSTANCES = Pattern.compile("spark\\.executor\\.instances=(\\d+)");

    public static ResourceUsage total(Duration running, String sparkSubmitParameters) {
        double workerHours = workers(sparkSubmitParameters) * hours(running);
        return new ResourceUsage(workerHours * VCPU_PER_WORKER, workerHours * MEMORY_GB_PER_WORKER,
                workerHours * DISK_GB_PER_WORKER);
    }

    public static ResourceUsage billed(Duration running, String sparkSubmitParameters) {
        Duration charged = running.compareTo(MINIMUM_BILLED) < 0 ? MINIMUM_BILLED : running;
        double workerHours = workers(sparkSubmitParameters) * hours(charged);
        return new ResourceUsage(workerHours * VCPU_PER_WORKER, workerHours * MEMORY_GB_PER_WORKER, 0);
    }

    static int workers(String sparkSubmitParameters) {
        if (sparkSubmitParameters != null) {
            Matcher m = EXECUTOR_INSTANCES.matcher(sparkSubmitParameters);
            if (m.find()) {
                return 1 + Integer.parseInt(m.group(1));
            }
        }
        return 1 + DEFAULT_EXECUTORS;
    }

    private static double hours(Duration duration) {
        return duration.toMillis() / 3_600_000.0;
    }

    /** The API's ResourceUtilization / TotalResourceUtilization shape, rounded as the console shows it. */
    ObjectNode toJson() {
        return Json.object()
                .put("vCPUHour", round(vCpuHours))
                .put("memoryGBHour", round(memoryGbHours))
                .put("storageGBHour", round(storageGbHours));
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
