package io.emrpipeline.connector.flyte;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flyteidl.admin.AgentOuterClass.TaskExecutionMetadata;
import io.emrpipeline.connector.local.FlyteRequests;
import org.junit.jupiter.api.Test;

class ExecutionNamesTest {

    private final ExecutionNames names = new ExecutionNames();

    @Test
    void theSameAttemptAlwaysGetsTheSameNameAndARetryANewOne() {
        String first = names.forTask(FlyteRequests.attempt("abc123", 0));

        assertEquals(first, names.forTask(FlyteRequests.attempt("abc123", 0)));
        assertNotEquals(first, names.forTask(FlyteRequests.attempt("abc123", 1)));
        assertTrue(first.startsWith("flyte-abc123-n0-0-"), first);
    }

    @Test
    void longIdsStayWithinStepFunctionsLimits() {
        String name = names.forTask(FlyteRequests.attempt("x".repeat(200) + ".with:odd/chars", 3));

        assertTrue(name.length() <= 80, name);
        assertTrue(name.matches("[A-Za-z0-9_-]+"), name);
    }

    @Test
    void withoutATaskExecutionIdThereIsNoSafeName() {
        assertThrows(InvalidTask.class, () -> names.forTask(TaskExecutionMetadata.getDefaultInstance()));
    }
}
