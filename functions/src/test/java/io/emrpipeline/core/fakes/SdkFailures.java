package io.emrpipeline.core.fakes;

import java.net.SocketException;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.emrserverless.model.EmrServerlessException;
import software.amazon.awssdk.services.emrserverless.model.InternalServerException;
import software.amazon.awssdk.services.emrserverless.model.ResourceNotFoundException;
import software.amazon.awssdk.services.emrserverless.model.ValidationException;

/**
 * The exceptions the SDK raises for EMR Serverless' error answers, built as the SDK builds
 * them (status code, error code, service name), so the code under test cannot tell them apart.
 */
public final class SdkFailures {

    private SdkFailures() {}

    /**
     * ThrottlingException is one of AWS' common errors, not modelled by the EMR Serverless SDK:
     * the SDK raises the service's base exception carrying the error code.
     */
    public static EmrServerlessException throttling() {
        return (EmrServerlessException) EmrServerlessException.builder()
                .message("Rate exceeded (Service: EmrServerless, Status Code: 400)")
                .statusCode(400)
                .awsErrorDetails(details("ThrottlingException", "Rate exceeded"))
                .build();
    }

    public static InternalServerException serverError() {
        return (InternalServerException) InternalServerException.builder()
                .message("Request processing failed (Service: EmrServerless, Status Code: 500)")
                .statusCode(500)
                .awsErrorDetails(details("InternalServerException", "Request processing failed"))
                .build();
    }

    public static ValidationException validation(String message) {
        return (ValidationException) ValidationException.builder()
                .message(message + " (Service: EmrServerless, Status Code: 400)")
                .statusCode(400)
                .awsErrorDetails(details("ValidationException", message))
                .build();
    }

    public static ResourceNotFoundException notFound(String message) {
        return (ResourceNotFoundException) ResourceNotFoundException.builder()
                .message(message + " (Service: EmrServerless, Status Code: 404)")
                .statusCode(404)
                .awsErrorDetails(details("ResourceNotFoundException", message))
                .build();
    }

    /** No answer at all: the call may or may not have reached the service. */
    public static SdkException connectionReset() {
        return SdkClientException.builder()
                .message("Unable to execute HTTP request: Connection reset")
                .cause(new SocketException("Connection reset"))
                .build();
    }

    private static AwsErrorDetails details(String errorCode, String message) {
        return AwsErrorDetails.builder().errorCode(errorCode).errorMessage(message).serviceName("EmrServerless").build();
    }
}
