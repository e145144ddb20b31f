package io.emrpipeline.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.emrpipeline.errors.EmrThrottled;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.InvalidTokenException;
import software.amazon.awssdk.services.sfn.model.SendTaskSuccessRequest;
import software.amazon.awssdk.services.sfn.model.SendTaskSuccessResponse;
import software.amazon.awssdk.services.sfn.model.SfnException;
import software.amazon.awssdk.services.sfn.model.TaskDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.TaskTimedOutException;

/** A closed token is a normal answer (events arrive at least once), not a failure. */
class SfnTaskCallbacksTest {

    /** SendTaskSuccess answering with {@code failure}, or accepting when it is null. */
    private static final class StepFunctions implements SfnClient {
        final List<SendTaskSuccessRequest> accepted = new ArrayList<>();
        final AwsServiceException failure;

        StepFunctions(AwsServiceException failure) {
            this.failure = failure;
        }

        @Override
        public SendTaskSuccessResponse sendTaskSuccess(SendTaskSuccessRequest request) {
            if (failure != null) {
                throw failure;
            }
            accepted.add(request);
            return SendTaskSuccessResponse.builder().build();
        }

        @Override
        public String serviceName() {
            return SERVICE_NAME;
        }

        @Override
        public void close() {
        }
    }

    @Test
    void sendsTheOutputForTheToken() {
        StepFunctions sfn = new StepFunctions(null);

        assertTrue(new SfnTaskCallbacks(sfn).sendSuccess("token-1", "{\"status\":\"SUCCEEDED\"}"));

        assertEquals("token-1", sfn.accepted.get(0).taskToken());
        assertEquals("{\"status\":\"SUCCEEDED\"}", sfn.accepted.get(0).output());
    }

    static Stream<Named<AwsServiceException>> closedTokens() {
        return Stream.of(
                Named.of("TaskTimedOut", (AwsServiceException) TaskTimedOutException.builder().statusCode(400).message("Task Timed Out").build()),
                Named.of("TaskDoesNotExist", (AwsServiceException) TaskDoesNotExistException.builder().statusCode(400).message("gone").build()),
                Named.of("InvalidToken", (AwsServiceException) InvalidTokenException.builder().statusCode(400).message("Invalid Token").build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("closedTokens")
    void aClosedTokenIsReportedAsNotSent(AwsServiceException closed) {
        assertFalse(new SfnTaskCallbacks(new StepFunctions(closed)).sendSuccess("token-1", "{}"));
    }

    @Test
    void throttlingIsRetryable() {
        AwsServiceException throttled = (AwsServiceException) SfnException.builder()
                .statusCode(400).message("Rate exceeded")
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode("ThrottlingException").build())
                .build();

        assertThrows(EmrThrottled.class, () -> new SfnTaskCallbacks(new StepFunctions(throttled)).sendSuccess("token-1", "{}"));
    }
}
