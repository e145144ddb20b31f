package io.emrpipeline.aws;

import io.emrpipeline.errors.ApplicationNotFound;
import io.emrpipeline.errors.EmrAccessDenied;
import io.emrpipeline.errors.EmrQuotaExceeded;
import io.emrpipeline.errors.EmrRequestRejected;
import io.emrpipeline.errors.EmrThrottled;
import io.emrpipeline.errors.TransientAwsError;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.emrserverless.model.ResourceNotFoundException;
import software.amazon.awssdk.services.emrserverless.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.emrserverless.model.ValidationException;

/**
 * Names the SDK failures: the ones the state machine retries (throttling, 5xx, no answer), and,
 * for the calls that start a job, the permanent refusals that must fail at once under their own
 * names. Everything else passes through unchanged.
 */
final class AwsErrors {

    /** AccessDeniedException is one of AWS' common errors, not modelled by the EMR Serverless SDK. */
    private static final Set<String> ACCESS_DENIED = Set.of("AccessDeniedException", "AccessDenied");

    private AwsErrors() {}

    static RuntimeException translate(String operation, SdkException e) {
        if (e instanceof AwsServiceException service) {
            if (service.isThrottlingException()) {
                return new EmrThrottled(operation, e);
            }
            if (service.statusCode() >= 500) {
                return new TransientAwsError(operation, e);
            }
            return e;
        }
        if (e instanceof SdkClientException) {
            return new TransientAwsError(operation, e);
        }
        return e;
    }

    /**
     * {@link #translate}, plus EMR's permanent refusals of a call that starts something
     * (StartJobRun, CreateApplication): retrying the same request cannot help, so each fails the
     * execution at once with EMR's own message.
     */
    static RuntimeException translateRefusal(String operation, SdkException e) {
        RuntimeException translated = translate(operation, e);
        if (translated != e || !(e instanceof AwsServiceException service)) {
            return translated;
        }
        String message = service.awsErrorDetails() != null && service.awsErrorDetails().errorMessage() != null
                ? service.awsErrorDetails().errorMessage() : service.getMessage();
        if (e instanceof ValidationException) {
            return new EmrRequestRejected(operation, message, e);
        }
        if (e instanceof ServiceQuotaExceededException) {
            return new EmrQuotaExceeded(operation, message, e);
        }
        if (e instanceof ResourceNotFoundException) {
            return new ApplicationNotFound("EMR Serverless answered " + operation + " with: " + message
                    + ". The application may have been deleted; name an existing one and start a new execution.");
        }
        String code = service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorCode();
        if (service.statusCode() == 403 || code != null && ACCESS_DENIED.contains(code)) {
            return new EmrAccessDenied(operation, message, e);
        }
        return e;
    }
}
