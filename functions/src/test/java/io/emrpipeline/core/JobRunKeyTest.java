package io.emrpipeline.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class JobRunKeyTest {

    private static final JobRunKey RUN = new JobRunKey("00fq2rhm4nqa3l09", "00fq2rk3l7gs0b09");

    @Test
    void anObjectKeyNamesItsRunBack() {
        assertEquals("callbacks/00fq2rhm4nqa3l09/00fq2rk3l7gs0b09.json", RUN.objectKey("callbacks/"));
        assertEquals(Optional.of(RUN), JobRunKey.fromObjectKey("callbacks/", RUN.objectKey("callbacks/")));
    }

    @Test
    void keysThatNameNoRunAreNotRuns() {
        assertEquals(Optional.empty(), JobRunKey.fromObjectKey("callbacks/", "callbacks/00fq2rhm4nqa3l09.json"));
        assertEquals(Optional.empty(), JobRunKey.fromObjectKey("callbacks/", "callbacks/a/b/c.json"));
        assertEquals(Optional.empty(), JobRunKey.fromObjectKey("callbacks/", "claims/a/b.json"));
        assertEquals(Optional.empty(), JobRunKey.fromObjectKey("callbacks/", "callbacks/a/b.txt"));
    }
}
