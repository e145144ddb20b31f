package io.emrpipeline.local.emr;

/** An EMR Serverless API error, carrying what goes on the wire: HTTP status and error code. */
public final class EmrApiException extends RuntimeException {

    private final int httpStatus;
    private final String errorType;

    public EmrApiException(int httpStatus, String errorType, String message) {
        super(message);
        this.httpStatus = httpStatus;
        this.errorType = errorType;
    }

    public static EmrApiException validation(String message) {
        return new EmrApiException(400, "ValidationException", message);
    }

    /** The message AWS's request validation produces for a missing required member. */
    public static EmrApiException missing(String member) {
        return validation("1 validation error detected: Value null at '" + member
                + "' failed to satisfy constraint: Member must not be null");
    }

    public static EmrApiException notFound(String message) {
        return new EmrApiException(404, "ResourceNotFoundException", message);
    }

    /** IAM refused the caller: one of AWS' common errors, HTTP 403. */
    public static EmrApiException accessDenied(String message) {
        return new EmrApiException(403, "AccessDeniedException", message);
    }

    /** An account quota (for example concurrent vCPUs) would be exceeded: HTTP 402, as EMR Serverless answers. */
    public static EmrApiException quotaExceeded(String message) {
        return new EmrApiException(402, "ServiceQuotaExceededException", message);
    }

    /** What the SDK retries with backoff: a 429 whose code it classifies as throttling. */
    public static EmrApiException throttled() {
        return new EmrApiException(429, "ThrottlingException", "Rate exceeded");
    }

    /** Throttling (HTTP 429), injected or by rate, as opposed to a refusal. */
    public boolean isThrottling() {
        return httpStatus == 429;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String errorType() {
        return errorType;
    }
}
