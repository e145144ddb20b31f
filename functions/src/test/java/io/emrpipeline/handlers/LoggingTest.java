package io.emrpipeline.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.emrpipeline.core.JobRunCompletion;
import io.emrpipeline.core.Json;
import io.emrpipeline.core.fakes.FakeLambdaContext;
import io.emrpipeline.core.fakes.FakePipeline;
import io.emrpipeline.core.fakes.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.emrserverless.model.JobRunState;

/**
 * The lines an invocation logs, written by the layout of src/main/resources/log4j2.xml: one JSON
 * object per line, carrying the ids the handler base put in the context, never the task token.
 */
class LoggingTest {

    private final StringWriter lines = new StringWriter();
    private final LoggerContext logging = (LoggerContext) LogManager.getContext(false);
    private WriterAppender capture;
    private Level rootLevel;

    @BeforeEach
    void captureWithTheConfiguredLayout() {
        Configuration config = logging.getConfiguration();
        capture = WriterAppender.newBuilder().setName("capture").setTarget(lines)
                .setLayout(config.getAppender("Stdout").getLayout()).build();
        capture.start();
        LoggerConfig root = config.getRootLogger();
        rootLevel = root.getLevel();
        root.setLevel(Level.INFO);
        root.addAppender(capture, null, null);
        logging.updateLoggers();
    }

    @AfterEach
    void stopCapturing() {
        LoggerConfig root = logging.getConfiguration().getRootLogger();
        root.removeAppender("capture");
        root.setLevel(rootLevel);
        logging.updateLoggers();
        capture.stop();
    }

    @Test
    void everyLineIsOneJsonObjectWithTheInvocationsIdsAndNoTaskToken() throws IOException {
        ObjectNode event = Fixtures.event("state-machine/await-job-run.json");
        String token = event.path("taskToken").asText();
        String applicationId = event.path("applicationId").asText();
        String jobRunId = event.path("jobRunId").asText();
        String executionName = event.path("execution").path("name").asText();
        FakePipeline fake = new FakePipeline();
        fake.emr().withJobRun(applicationId, jobRunId, "wordcount:" + executionName, JobRunState.SUCCESS);
        var handler = new AwaitJobRunHandler(fake.pipeline());
        var context = new FakeLambdaContext("await-job-run");

        handler.handleRequest(new ByteArrayInputStream(Json.bytes(event)), new ByteArrayOutputStream(), context);

        assertEquals(token, fake.tasks().sent().get(0).taskToken(), "the token reached Step Functions");
        String output = lines.toString();
        assertFalse(output.contains(token), output);
        List<JsonNode> logged = output.lines().map(line -> Json.parse(line.getBytes())).toList();
        assertFalse(logged.isEmpty(), "the invocation logged nothing");
        for (JsonNode line : logged) {
            assertTrue(line.isObject(), line.toString());
            for (String field : List.of("timestamp", "level", "logger", "message")) {
                assertTrue(line.hasNonNull(field), field + " missing: " + line);
            }
            assertEquals(context.getAwsRequestId(), line.path("requestId").asText(), line.toString());
            assertEquals("await-job-run", line.path("functionName").asText(), line.toString());
            assertEquals(executionName, line.path("executionName").asText(), line.toString());
            assertEquals(applicationId, line.path("applicationId").asText(), line.toString());
            assertEquals(jobRunId, line.path("jobRunId").asText(), line.toString());
            assertFalse(line.has("error"), "no exception was logged: " + line);
        }
        JsonNode completed = logged.stream().filter(line -> line.path("message").asText().equals("finished job run end"))
                .findFirst().orElseThrow(() -> new AssertionError("no 'finished job run end' line in " + output));
        assertEquals("INFO", completed.path("level").asText());
        assertEquals(JobRunCompletion.class.getName(), completed.path("logger").asText());
        assertEquals("SUCCESS", completed.path("state").asText());
        assertTrue(ThreadContext.isEmpty(), "the ids outlived the invocation: " + ThreadContext.getContext());
    }
}
