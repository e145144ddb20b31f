package io.emrpipeline.local.emr;


import com.fasterxml.jackson.databind.node.ObjectNode;
import io.emrpipeline.local.events.EventPublisher;
import io.emrpipeline.local.http.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The job-run model alone, over a recording publisher and a simulated runner, with fast state timings. */
abstract class JobRunModelFixture {

    static final String APP = "00fapp0000000001";

    /** Records what the model publishes, and on which thread it would be delivered. */
    static final class RecordingPublisher implements EventPublisher {
        final List<ObjectNode> events = new CopyOnWriteArrayList<>();
        final List<Boolean> synchronous = new CopyOnWriteArrayList<>();

        @Override
        public void publish(ObjectNode event, boolean sync) {
            events.add(event);
            synchronous.add(sync);
        }

        List<String> states(String jobRunId) {
            return events.stream().filter(e -> e.at("/detail/jobRunId").asText().equals(jobRunId))
                    .map(e -> e.at("/detail/state").asText()).toList();
        }
    }

    final RecordingPublisher events = new RecordingPublisher();
    final SimulatedJobRunner runner = new SimulatedJobRunner();
    final ApplicationLookup applications = (region, id) -> APP.equals(id)
            ? Optional.of(new ApplicationLookup.Application(APP, "emr-7.5.0", "STARTED"))
            : Optional.empty();
    final JobRunModel model = new JobRunModel(applications, events, "123456789012", runner);

    @BeforeEach
    void fastLifecycle() {
        model.setTimings(JobRunTimings.uniform(Duration.ofMillis(10)));
    }

    @AfterEach
    void stop() {
        model.close();
    }

    static ObjectNode request(String clientToken) {
        ObjectNode request = Json.object().put("clientToken", clientToken)
                .put("executionRoleArn", "arn:aws:iam::123456789012:role/job").put("name", "nightly");
        request.putObject("jobDriver").putObject("sparkSubmit").put("entryPoint", "s3://bucket/main.py");
        return request;
    }

    String start(String clientToken) {
        return model.startJobRun("us-east-1", APP, request(clientToken)).get("jobRunId").asText();
    }

    JobRunState awaitState(String jobRunId, JobRunState wanted) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(5);
        while (Instant.now().isBefore(deadline)) {
            JobRunState state = model.jobRun(APP, jobRunId).orElseThrow().state();
            // The state changes before its event is published: wait for both.
            if (state == wanted && events.states(jobRunId).contains(wanted.name())) {
                return state;
            }
            Thread.sleep(5);
        }
        return model.jobRun(APP, jobRunId).orElseThrow().state();
    }

}
