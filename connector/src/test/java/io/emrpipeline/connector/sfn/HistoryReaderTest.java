package io.emrpipeline.connector.sfn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.emrpipeline.connector.sfn.ExecutionSnapshot.Status;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HistoryReaderTest {

    private final HistoryReader reader = new HistoryReader();

    @Test
    void beforeSubmitJobRunAnswersThereIsNoJobRunYet() {
        ExecutionSnapshot snapshot = reader.read(List.of(HistoryFixtures.load("running-submitted.json").get(0)));

        assertEquals(Status.RUNNING, snapshot.status());
        assertTrue(snapshot.jobRun().isEmpty());
    }

    @Test
    void submitJobRunsOutputGivesTheJobRunAndItsLinksWhileRunning() {
        ExecutionSnapshot snapshot = reader.read(HistoryFixtures.load("running-submitted.json"));

        assertEquals(Status.RUNNING, snapshot.status());
        assertEquals("run1", snapshot.jobRun().orElseThrow().jobRunId());
        assertEquals("https://s3/stdout.gz", snapshot.jobRun().orElseThrow().links().path("driverStdout").asText());
        assertEquals(Optional.empty(), snapshot.emrState());
    }

    @Test
    void eventsAreReadNewestFirstWhateverOrderTheyCameIn() {
        ExecutionSnapshot snapshot = reader.read(HistoryFixtures.load("running-reconciled-pending.json"));

        assertEquals(Status.RUNNING, snapshot.status(), "ExecutionStarted came last in the page but is the oldest");
        assertEquals(Optional.of("PENDING"), snapshot.emrState());
    }

    @Test
    void aSucceededExecutionCarriesTheResultAndTheJobRun() {
        ExecutionSnapshot snapshot = reader.read(HistoryFixtures.load("succeeded.json"));

        assertEquals(Status.SUCCEEDED, snapshot.status());
        assertEquals("run1", snapshot.jobRun().orElseThrow().jobRunId());
        assertEquals(42, snapshot.output().path("jobRun").path("totalExecutionDurationSeconds").asInt());
    }

    @Test
    void aFailedExecutionKeepsItsErrorNameAndCause() {
        ExecutionSnapshot snapshot = reader.read(HistoryFixtures.load("failed-job.json"));

        assertEquals(Status.FAILED, snapshot.status());
        assertEquals("EmrJobFailed", snapshot.error());
        assertTrue(snapshot.cause().contains("ExitCode: 1"));
        assertEquals("app1", snapshot.jobRun().orElseThrow().applicationId());
    }
}
