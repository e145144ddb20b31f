package io.emrpipeline.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.emrpipeline.contract.Contract;
import io.emrpipeline.core.fakes.FakePipeline;
import io.emrpipeline.core.fakes.Fixtures;
import io.emrpipeline.core.fakes.SdkFailures;
import io.emrpipeline.errors.ApplicationNotFound;
import io.emrpipeline.errors.EmrAccessDenied;
import io.emrpipeline.errors.EmrQuotaExceeded;
import io.emrpipeline.errors.EmrRequestRejected;
import io.emrpipeline.errors.PipelineError;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.emrserverless.model.ApplicationState;
import software.amazon.awssdk.services.emrserverless.model.EmrServerlessException;
import software.amazon.awssdk.services.emrserverless.model.ServiceQuotaExceededException;

/**
 * EMR's permanent refusals of StartJobRun fail the execution at once under their own names with
 * EMR's message; the state machine does not retry them, and the connector reports them as permanent.
 */
class EmrRefusalsTest {

    private static final String APP = "00fq2rhm4nqa3l09";
    private static final ExecutionRef EXECUTION = new ExecutionRef(
            "arn:aws:states:eu-west-1:111122223333:execution:emr-pipeline:exec-0001", "exec-0001");
    private static final JsonNode STATES = Json.parse(Contract.get().stateMachineDefinition()
            .getBytes(StandardCharsets.UTF_8)).path("States");

    private final FakePipeline pipeline = new FakePipeline();

    EmrRefusalsTest() {
        pipeline.emr().withApplication(APP, "analytics", ApplicationState.STARTED);
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of(SdkFailures.validation("Release label emr-6.9.0 does not support STREAMING mode"),
                        EmrRequestRejected.class, "Release label emr-6.9.0 does not support STREAMING mode"),
                Arguments.of(EmrServerlessException.builder().statusCode(403).message("denied (Status Code: 403)")
                        .awsErrorDetails(AwsErrorDetails.builder().errorCode("AccessDeniedException")
                                .errorMessage("User is not authorized to perform: iam:PassRole").build()).build(),
                        EmrAccessDenied.class, "User is not authorized to perform: iam:PassRole"),
                Arguments.of(ServiceQuotaExceededException.builder().statusCode(402).message("quota (Status Code: 402)")
                        .awsErrorDetails(AwsErrorDetails.builder().errorCode("ServiceQuotaExceededException")
                                .errorMessage("Maximum number of concurrent vCPUs reached").build()).build(),
                        EmrQuotaExceeded.class, "Maximum number of concurrent vCPUs reached"),
                Arguments.of(SdkFailures.notFound("Application 00fq2rhm4nqa3l09 does not exist"),
                        ApplicationNotFound.class, "Application 00fq2rhm4nqa3l09 does not exist"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("refusals")
    void aRefusalFailsAtOnceUnderItsOwnNameWithEmrsMessage(SdkException refusal, Class<? extends PipelineError> expected,
            String emrMessage) {
        pipeline.emr().failNext("StartJobRun", refusal);

        try {
            pipeline.submitter().submit(request(), EXECUTION);
            fail("StartJobRun was refused");
        } catch (PipelineError error) {
            assertInstanceOf(expected, error);
            assertTrue(error.getMessage().contains(emrMessage), error.getMessage());
        }
        assertEquals(1, pipeline.emr().calls("StartJobRun"), "the submitter does not try again");
        assertEquals(List.of(), pipeline.emr().jobRuns());
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("refusals")
    void theStateMachineNeverRetriesARefusalAndFailsUnderItsShortName(SdkException refusal,
            Class<? extends PipelineError> expected, String emrMessage) {
        String name = expected.getName();
        List<String> retried = new ArrayList<>();
        STATES.path("SubmitJobRun").path("Retry").forEach(rule -> rule.path("ErrorEquals").forEach(e -> retried.add(e.asText())));
        assertFalse(retried.contains(name) || retried.contains("States.ALL"), "retried: " + retried);

        assertEquals("Fail", STATES.path(expected.getSimpleName()).path("Type").asText());
        assertEquals(expected.getSimpleName(), STATES.path(expected.getSimpleName()).path("Error").asText());
        assertFalse(Contract.get().executionError(expected.getSimpleName()).orElseThrow().retryable(),
                "the connector reports it as a permanent failure");
    }

    private static ObjectNode request() {
        return (ObjectNode) Fixtures.event("state-machine/submit-job-run.json").get("request");
    }
}
