package io.emrpipeline.aws;

import io.emrpipeline.errors.EmrThrottled;
import io.emrpipeline.errors.TransientAwsError;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/** Names the SDK failures the state machine retries; everything else passes through unchanged. */
final class AwsErrors {

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
}
