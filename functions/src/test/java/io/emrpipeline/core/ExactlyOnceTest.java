package io.emrpipeline.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.emrpipeline.core.JobRunCompletion.Action;
import io.emrpipeline.core.fakes.FakePipeline;
import io.emrpipeline.core.fakes.InMemoryObjectStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.emrserverless.model.ApplicationState;
import software.amazon.awssdk.services.emrserverless.model.JobRunState;

/**
 * One completion and one domain event per job run end, whichever paths see it and however often,
 * with Step Functions' refusal of a closed token switched OFF (as in the local emulator): the
 * claim, not the refusal, makes it once.
 */
class ExactlyOnceTest {

    private static final String APP = "00fq2rhm4nqa3l09";
    private static final String RUN = "00fq2rk3l7gs0b09";
    private static final JobRunKey KEY = new JobRunKey(APP, RUN);
    private static final String EXECUTION_ARN = "arn:aws:states:eu-west-1:111122223333:execution:emr-pipeline:exec-0001";
    private static final Callbacks.Callback WAIT = new Callbacks.Callback("token-1", EXECUTION_ARN);

    private final FakePipeline pipeline = new FakePipeline();
    private final JobRunCompletion completion = pipeline.completion();

    @BeforeEach
    void aRunningJobWithAStoredWait() {
        pipeline.tasks().acceptEveryAnswer();
        pipeline.emr().withApplication(APP, "analytics", ApplicationState.STARTED)
                .withJobRun(APP, RUN, "wordcount:exec-0001", JobRunState.RUNNING);
        completion.await(KEY, WAIT);
        pipeline.emr().moveTo(APP, RUN, JobRunState.SUCCESS, null);
    }

    @Test
    void everyPathSeeingTheEndFinishesItOnce() {
        List<Action> actions = List.of(
                completion.onStateChange(KEY, "SUCCESS"),
                completion.onStateChange(KEY, "SUCCESS"),
                completion.await(KEY, WAIT),
                completion.sweep(KEY));
        completion.reconcile(KEY, EXECUTION_ARN);

        assertEquals(Action.COMPLETED, actions.get(0));
        assertEquals(1, pipeline.tasks().sent().size(), "one SendTaskSuccess: " + actions);
        assertEquals(List.of("Job Run Succeeded"), pipeline.events().detailTypes());
    }

    @Test
    void aStaleEventOfAnEarlierStateChangesNothing() {
        completion.onStateChange(KEY, "SUCCESS");

        assertEquals(Action.NOT_TERMINAL, completion.onStateChange(KEY, "RUNNING"));
        assertEquals(1, pipeline.tasks().sent().size());
    }

    @Test
    void aRunWithNoStoredWaitCostsNoEmrCall() {
        JobRunKey someoneElses = new JobRunKey(APP, "00fforeign000001");
        int before = pipeline.emr().calls("GetJobRun");

        assertEquals(Action.NO_CALLBACK, completion.onStateChange(someoneElses, "FAILED"));

        assertEquals(before, pipeline.emr().calls("GetJobRun"));
    }

    @Test
    void aClaimWhoseHolderDiedIsTakenOverAfterTheLeaseAndTheEndIsStillTold() {
        Claims claims = new Claims(pipeline.bucket(), Clock.fixed(Instant.parse("2026-11-29T10:00:00Z"), ZoneOffset.UTC));
        claims.claim(KEY, "JobStateChange");  // then the holder's runtime died: nothing sent, nothing told

        Claims later = new Claims(pipeline.bucket(), Clock.fixed(Instant.parse("2026-11-29T10:00:00Z")
                .plus(Claims.LEASE).plus(Duration.ofSeconds(1)), ZoneOffset.UTC));
        assertEquals(true, later.claim(KEY, "ReconcileSweep").isPresent());

        Claims soon = new Claims(pipeline.bucket(), Clock.fixed(Instant.parse("2026-11-29T10:01:00Z"), ZoneOffset.UTC));
        assertEquals(false, soon.claim(KEY, "AwaitJobRun").isPresent(), "a live claim is not taken over");
    }

    @Test
    void theEndEventHasTheSameIdWhoeverPublishesIt() {
        completion.onStateChange(KEY, "SUCCESS");
        String first = pipeline.events().published().get(0).detail().path("eventId").asText();

        FakePipeline other = new FakePipeline();
        other.emr().withApplication(APP, "analytics", ApplicationState.STARTED)
                .withJobRun(APP, RUN, "wordcount:exec-0001", JobRunState.SUCCESS);
        other.completion().await(KEY, WAIT);
        String second = other.events().published().get(0).detail().path("eventId").asText();

        assertEquals(64, first.length());
        assertEquals(first, second);
        assertEquals(Set.of(), Set.copyOf(((InMemoryObjectStore) pipeline.bucket()).list("callbacks/")));
    }
}
