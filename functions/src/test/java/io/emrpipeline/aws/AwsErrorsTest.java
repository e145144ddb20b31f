package io.emrpipeline.aws;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.emrpipeline.core.fakes.SdkFailures;
import io.emrpipeline.errors.EmrThrottled;
import io.emrpipeline.errors.TransientAwsError;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.emrserverless.model.ConflictException;
import software.amazon.awssdk.services.emrserverless.model.EmrServerlessException;
import software.amazon.awssdk.services.emrserverless.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Which SDK failures the state machine retries (EmrThrottled, TransientAwsError) and which it sees as they are. */
class AwsErrorsTest {

    static Stream<Named<SdkException>> throttles() {
        return Stream.of(
                Named.of("ThrottlingException error code (status 400)", SdkFailures.throttling()),
                Named.of("status 429 without an error code", service(429, null)),
                Named.of("S3 SlowDown (status 503)", S3Exception.builder().statusCode(503)
                        .awsErrorDetails(AwsErrorDetails.builder().errorCode("SlowDown").build()).build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("throttles")
    void throttlingBecomesEmrThrottledWhichTheStateMachineRetries(SdkException throttle) {
        RuntimeException translated = AwsErrors.translate("StartJobRun", throttle);

        assertInstanceOf(EmrThrottled.class, translated);
        assertTrue(translated.getMessage().startsWith("AWS throttled StartJobRun past the SDK's own retries"), translated.getMessage());
        assertSame(throttle, translated.getCause(), "the SDK's answer stays attached for the logs");
    }

    static Stream<Named<SdkException>> transients() {
        return Stream.of(
                Named.of("InternalServerException (500)", SdkFailures.serverError()),
                Named.of("service unavailable (503)", service(503, "ServiceUnavailable")),
                Named.of("connection reset", SdkFailures.connectionReset()),
                Named.of("API call timeout", ApiCallTimeoutException.create(30_000)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transients")
    void serverErrorsAndLostConnectionsBecomeTransientAwsError(SdkException failure) {
        RuntimeException translated = AwsErrors.translate("GetJobRun", failure);

        assertInstanceOf(TransientAwsError.class, translated);
        assertTrue(translated.getMessage().startsWith("GetJobRun failed transiently: "), translated.getMessage());
        assertSame(failure, translated.getCause());
    }

    static Stream<Named<SdkException>> requestErrors() {
        return Stream.of(
                Named.of("ValidationException", SdkFailures.validation("Job run is in terminal state")),
                Named.of("ResourceNotFoundException", SdkFailures.notFound("Application 00f does not exist")),
                Named.of("ConflictException", ConflictException.builder().statusCode(409).message("conflict").build()),
                Named.of("ServiceQuotaExceededException", ServiceQuotaExceededException.builder().statusCode(402)
                        .message("Maximum number of concurrent vCPUs reached").build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requestErrors")
    void aRequestErrorPassesThroughUnchanged(SdkException failure) {
        assertSame(failure, AwsErrors.translate("StartJobRun", failure), "retrying the same request cannot help");
    }

    private static SdkException service(int status, String errorCode) {
        return EmrServerlessException.builder().statusCode(status).message("status " + status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(errorCode).build()).build();
    }
}
