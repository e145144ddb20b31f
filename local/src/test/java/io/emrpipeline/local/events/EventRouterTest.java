package io.emrpipeline.local.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.emrpipeline.local.BackgroundWork;
import io.emrpipeline.local.http.Json;
import io.emrpipeline.local.lambda.LambdaFunctions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EventRouterTest {

    private static final String TERMINAL_JOB_RULE = """
            {"source": ["aws.emr-serverless"],
             "detail-type": ["EMR Serverless Job Run State Change"],
             "detail": {"state": ["SUCCESS", "FAILED", "CANCELLED"]}}""";

    private final BackgroundWork background = new BackgroundWork("test-events");
    private final LambdaFunctions functions = new LambdaFunctions("us-east-1", "123456789012");
    private final EventRouter router = new EventRouter(functions, background);

    @BeforeEach
    void registerTarget() {
        functions.registerInProcess("JobStateChange", (in, out, context) -> in.transferTo(out));
        router.addRule("job-terminal", TERMINAL_JOB_RULE, "JobStateChange");
    }

    @AfterEach
    void stop() {
        background.close();
    }

    private static ObjectNode jobEvent(String state) {
        return EventEnvelope.of("aws.emr-serverless", "EMR Serverless Job Run State Change", "us-east-1",
                "123456789012", List.of(), Json.object().put("jobRunId", "00abc").put("state", state));
    }

    @Test
    void aMatchingEventIsDeliveredToTheRuleTarget() throws InterruptedException {
        ObjectNode event = jobEvent("SUCCESS");

        assertEquals(List.of("job-terminal"), router.publish(event));
        assertTrue(router.awaitQuiet(Duration.ofSeconds(5)));

        assertEquals(1, functions.log().count("JobStateChange"));
        assertEquals(event, functions.log().of("JobStateChange").get(0).inputJson());
        assertTrue(router.deliveries().get(0).succeeded());
    }

    @Test
    void eventRulerDecidesWhatMatches() throws InterruptedException {
        assertEquals(List.of(), router.publish(jobEvent("RUNNING")));
        assertTrue(router.awaitQuiet(Duration.ofSeconds(5)));

        assertEquals(0, functions.log().count("JobStateChange"));
        assertEquals(1, router.publishedEvents().size());
    }

    @Test
    void duplicateKnobDeliversEveryEventTwice() throws InterruptedException {
        router.setDeliverEveryEventTwice(true);

        router.publish(jobEvent("FAILED"));
        assertTrue(router.awaitQuiet(Duration.ofSeconds(5)));

        assertEquals(2, functions.log().count("JobStateChange"));
    }

    @Test
    void dropKnobLosesOnlyTerminalEmrEvents() throws InterruptedException {
        router.addRule("all-jobs", "{\"source\": [\"aws.emr-serverless\"]}", "JobStateChange");
        router.setDropEmrTerminalEvents(true);

        router.publish(jobEvent("CANCELLED"));
        router.publish(jobEvent("RUNNING"));
        assertTrue(router.awaitQuiet(Duration.ofSeconds(5)));

        assertEquals(1, functions.log().count("JobStateChange"));
        assertEquals("RUNNING", functions.log().all().get(0).inputJson().at("/detail/state").asText());
        assertTrue(router.publishedEvents().get(0).dropped());
    }

    @Test
    void synchronousDeliveryHasRunTheTargetWhenPublishReturns() {
        router.setSynchronousDelivery(true);

        router.publish(jobEvent("SUCCESS"));

        assertEquals(1, functions.log().count("JobStateChange"));
        assertEquals(0, background.inFlight());
    }

    @Test
    void aTargetThatIsNotRegisteredIsAFailedDelivery() throws InterruptedException {
        router.addRule("orphan", "{\"source\": [\"aws.states\"]}", "Missing");

        router.publish(EventEnvelope.of("aws.states", "Step Functions Execution Status Change", "us-east-1",
                "123456789012", List.of(), Json.object().put("status", "ABORTED")));
        assertTrue(router.awaitQuiet(Duration.ofSeconds(5)));

        assertFalse(router.deliveries().get(0).succeeded());
    }

    @Test
    void resetForgetsEventsAndKnobsButKeepsRules() throws InterruptedException {
        router.setDropEmrTerminalEvents(true);
        router.publish(jobEvent("SUCCESS"));

        router.reset();
        router.publish(jobEvent("SUCCESS"));
        assertTrue(router.awaitQuiet(Duration.ofSeconds(5)));

        assertEquals(1, router.publishedEvents().size());
        assertEquals(1, functions.log().count("JobStateChange"));
    }
}
