package io.emrpipeline.connector.sfn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.emrpipeline.connector.sfn.ExecutionSnapshot.Status;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

class ExecutionTrackerTest {

    private static final String ARN = "arn:aws:states:us-east-1:123456789012:execution:emr-pipeline:e1";

    /** Answers queued histories (or throws queued errors), counting reads. */
    private static final class ScriptedStepFunctions implements StepFunctions {
        final Deque<Supplier<List<HistoryEvent>>> answers = new ArrayDeque<>();
        int reads;

        @Override
        public String startExecution(String name, String input) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<HistoryEvent> recentHistory(String executionArn) {
            reads++;
            return answers.poll().get();
        }

        @Override
        public void stopExecution(String executionArn, String error, String cause) {
            throw new UnsupportedOperationException();
        }
    }

    private final ScriptedStepFunctions sfn = new ScriptedStepFunctions();
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private final ExecutionTracker tracker = new ExecutionTracker(sfn, new HistoryReader(), Duration.ofSeconds(5), 100,
            new Clock() {
                @Override
                public Instant instant() {
                    return now;
                }

                @Override
                public java.time.ZoneId getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(java.time.ZoneId zone) {
                    return this;
                }
            });

    @Test
    void aFreshStatusIsAnsweredFromMemory() {
        sfn.answers.add(() -> HistoryFixtures.load("running-submitted.json"));

        tracker.status(ARN);
        now = now.plusSeconds(4);
        tracker.status(ARN);

        assertEquals(1, sfn.reads);
    }

    @Test
    void anEndedExecutionIsNeverReadAgain() {
        sfn.answers.add(() -> HistoryFixtures.load("succeeded.json"));

        tracker.status(ARN);
        now = now.plusSeconds(3600);
        ExecutionSnapshot again = tracker.status(ARN);

        assertEquals(Status.SUCCEEDED, again.status());
        assertEquals(1, sfn.reads);
    }

    @Test
    void aThrottledReadAnswersTheLastKnownStatusWithANote() {
        sfn.answers.add(() -> HistoryFixtures.load("running-submitted.json"));
        sfn.answers.add(() -> {
            throw new StepFunctions.StepFunctionsUnavailable("GetExecutionHistory failed, will retry: Rate exceeded", null);
        });

        tracker.status(ARN);
        now = now.plusSeconds(10);
        ExecutionSnapshot snapshot = tracker.status(ARN);

        assertEquals(Status.RUNNING, snapshot.status());
        assertEquals("run1", snapshot.jobRun().orElseThrow().jobRunId());
        assertNotNull(snapshot.note());
        assertTrue(snapshot.note().contains("Rate exceeded"));
    }

    @Test
    void theJobRunStaysKnownWhenItScrollsOutOfTheNewestPage() {
        sfn.answers.add(() -> HistoryFixtures.load("running-submitted.json"));
        sfn.answers.add(() -> List.of(HistoryEvent.builder().id(500L).type("TaskStateEntered").build()));

        tracker.status(ARN);
        now = now.plusSeconds(10);

        assertEquals("run1", tracker.status(ARN).jobRun().orElseThrow().jobRunId());
    }

    @Test
    void aMissingExecutionFailsTheTask() {
        sfn.answers.add(() -> {
            throw new StepFunctions.StepFunctionsRejected("GetExecutionHistory: Execution Does Not Exist", true, null);
        });

        ExecutionSnapshot snapshot = tracker.status(ARN);

        assertEquals(Status.FAILED, snapshot.status());
        assertEquals("ExecutionNotFound", snapshot.error());
    }
}
