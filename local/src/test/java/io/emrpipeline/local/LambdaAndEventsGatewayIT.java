package io.emrpipeline.local;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.emrpipeline.local.http.Json;
import io.emrpipeline.local.lambda.Invocation;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/** Lambda Invoke, EventBridge, Step Functions (through MOTO_PORT) and plain forwarding, with real SDK clients. */
class LambdaAndEventsGatewayIT {

    static final class JobRejected extends RuntimeException {
        JobRejected(String message) {
            super(message);
        }
    }

    private static final String ROLE = "arn:aws:iam::123456789012:role/sfn";
    private static LocalAws aws;
    private static LambdaClient lambda;
    private static EventBridgeClient eventBridge;
    private static SfnClient sfn;
    private static S3Client s3;

    @BeforeAll
    static void start() throws Exception {
        aws = LocalAwsFixture.start();
        lambda = LocalAwsFixture.client(LambdaClient.builder(), aws.endpoint());
        eventBridge = LocalAwsFixture.client(EventBridgeClient.builder(), aws.endpoint());
        sfn = LocalAwsFixture.client(SfnClient.builder(), aws.endpoint());
        s3 = LocalAwsFixture.client(S3Client.builder().forcePathStyle(true), aws.endpoint());
        aws.gateway().lambdas().registerInProcess("Echo", (in, out, context) -> in.transferTo(out));
        aws.gateway().lambdas().registerInProcess("Reject", (in, out, context) -> {
            throw new JobRejected("name is required");
        });
        aws.gateway().events().addRule("aborted", """
                {"source": ["aws.states"], "detail": {"status": ["ABORTED", "TIMED_OUT"]}}""", "Echo");
        aws.gateway().events().addRule("custom", "{\"source\": [{\"prefix\": \"emrpipeline.\"}]}", "Echo");
    }

    @AfterAll
    static void stop() {
        lambda.close();
        eventBridge.close();
        sfn.close();
        s3.close();
        aws.close();
    }

    @BeforeEach
    void reset() throws Exception {
        aws.reset();
    }

    @Test
    void invokeRunsTheHandlerInProcess() {
        InvokeResponse response = lambda.invoke(b -> b.functionName("arn:aws:lambda:us-east-1:123456789012:function:Echo")
                .payload(SdkBytes.fromUtf8String("{\"a\":1}")));

        assertEquals(200, response.statusCode());
        assertEquals("{\"a\":1}", response.payload().asUtf8String());
        assertEquals("$LATEST", response.executedVersion());
        assertEquals(1, aws.gateway().lambdas().log().count("Echo"));
    }

    @Test
    void aThrowingHandlerIsAnUnhandledFunctionErrorNamedByItsClass() {
        InvokeResponse response = lambda.invoke(b -> b.functionName("Reject").payload(SdkBytes.fromUtf8String("{}")));

        JsonNode error = Json.parse(response.payload().asByteArray());
        assertEquals("Unhandled", response.functionError());
        assertEquals(JobRejected.class.getName(), error.get("errorType").asText());
        assertEquals("name is required", error.get("errorMessage").asText());
    }

    @Test
    void anUnknownFunctionIsResourceNotFound() {
        var error = assertThrows(ResourceNotFoundException.class, () -> lambda.invoke(b -> b.functionName("Nope")));

        assertEquals(404, error.statusCode());
    }

    @Test
    void anEventInvocationIsAcceptedAndRunsInTheBackground() throws Exception {
        InvokeResponse response = lambda.invoke(b -> b.functionName("Echo").invocationType("Event")
                .payload(SdkBytes.fromUtf8String("{}")));

        assertEquals(202, response.statusCode());
        assertTrue(aws.gateway().events().awaitQuiet(Duration.ofSeconds(5)));
        assertEquals("Event", aws.gateway().lambdas().log().of("Echo").get(0).invocationType());
    }

    @Test
    void putEventsRoutesMatchingEventsToTargetsAndRejectsBadEntries() throws Exception {
        var response = eventBridge.putEvents(b -> b.entries(
                e -> e.source("emrpipeline.jobs").detailType("Job Succeeded").detail("{\"jobRunId\":\"00a\"}"),
                e -> e.source("other").detailType("X").detail("{}"),
                e -> e.source("emrpipeline.jobs").detailType("Job Succeeded").detail("not json")));
        assertTrue(aws.gateway().events().awaitQuiet(Duration.ofSeconds(5)));

        assertEquals(1, response.failedEntryCount());
        assertTrue(response.entries().get(0).eventId() != null);
        Invocation delivered = aws.gateway().lambdas().log().of("Echo").get(0);
        assertEquals("00a", delivered.inputJson().at("/detail/jobRunId").asText());
        assertEquals(1, aws.gateway().lambdas().log().count("Echo"));
    }

    @Test
    void stepFunctionsCallsOurLambdaThroughTheGatewayAndStopPublishesAborted() throws Exception {
        String definition = """
                {"StartAt": "Echo", "States": {
                  "Echo": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                           "Parameters": {"FunctionName": "Echo", "Payload.$": "$"}, "Next": "Wait"},
                  "Wait": {"Type": "Wait", "Seconds": 60, "End": true}}}""";
        String machine = sfn.createStateMachine(b -> b.name("m").roleArn(ROLE).definition(definition)).stateMachineArn();
        String execution = sfn.startExecution(b -> b.stateMachineArn(machine).input("{\"job\":1}")).executionArn();
        awaitInvocations("Echo", 1);

        sfn.stopExecution(b -> b.executionArn(execution));
        assertTrue(aws.gateway().events().awaitQuiet(Duration.ofSeconds(5)));

        assertEquals(ExecutionStatus.ABORTED, sfn.describeExecution(b -> b.executionArn(execution)).status());
        JsonNode event = aws.gateway().lambdas().log().of("Echo").get(1).inputJson();
        assertEquals("Step Functions Execution Status Change", event.get("detail-type").asText());
        assertEquals(execution, event.at("/detail/executionArn").asText());
        assertEquals("{\"job\":1}", event.at("/detail/input").asText());
    }

    @Test
    void aTimedOutEventCanBePublishedForAnExecution() throws Exception {
        String definition = "{\"StartAt\": \"W\", \"States\": {\"W\": {\"Type\": \"Wait\", \"Seconds\": 60, \"End\": true}}}";
        String machine = sfn.createStateMachine(b -> b.name("t").roleArn(ROLE).definition(definition)).stateMachineArn();
        String execution = sfn.startExecution(b -> b.stateMachineArn(machine)).executionArn();

        aws.gateway().publishExecutionTimedOut(execution);
        assertTrue(aws.gateway().events().awaitQuiet(Duration.ofSeconds(5)));

        assertEquals("TIMED_OUT", aws.gateway().lambdas().log().of("Echo").get(0).inputJson().at("/detail/status").asText());
        sfn.stopExecution(b -> b.executionArn(execution));
    }

    @Test
    void everythingElseIsForwardedToMotoByteForByte() {
        byte[] content = "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8);
        s3.createBucket(b -> b.bucket("data"));
        s3.putObject(b -> b.bucket("data").key("in/x.csv"), RequestBody.fromBytes(content));

        assertArrayEquals(content, s3.getObjectAsBytes(b -> b.bucket("data").key("in/x.csv")).asByteArray());
        assertEquals(0, aws.gateway().lambdas().log().all().size());
    }

    private static void awaitInvocations(String function, int count) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(20);
        while (aws.gateway().lambdas().log().count(function) < count && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        assertEquals(count, aws.gateway().lambdas().log().count(function), "invocations of " + function);
    }
}
