package io.emrpipeline.local.emr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ResourceUsageTest {

    @Test
    void defaultSparkRunUsesADriverAndThreeExecutorsForTheWholeRun() {
        ResourceUsage total = ResourceUsage.total(Duration.ofHours(1), null);

        assertEquals(16.0, total.vCpuHours(), 1e-9);
        assertEquals(64.0, total.memoryGbHours(), 1e-9);
        assertEquals(80.0, total.storageGbHours(), 1e-9);
    }

    @Test
    void executorInstancesFromSparkSubmitParametersSizeTheRun() {
        ResourceUsage total = ResourceUsage.total(Duration.ofHours(1), "--conf spark.executor.instances=9 --conf x=y");

        assertEquals(40.0, total.vCpuHours(), 1e-9);
    }

    @Test
    void billingChargesAtLeastOneMinuteAndNoStorageWithinTheFreeTwentyGigabytes() {
        ResourceUsage billed = ResourceUsage.billed(Duration.ofSeconds(5), null);

        assertEquals(4 * 4 / 60.0, billed.vCpuHours(), 1e-9);
        assertEquals(0.0, billed.storageGbHours(), 1e-9);
    }
}
