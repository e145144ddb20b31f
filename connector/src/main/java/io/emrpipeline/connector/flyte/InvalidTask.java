package io.emrpipeline.connector.flyte;

/**
 * A task that can never run as sent (no job request, an unknown input, a name Step Functions
 * rejects). CreateTask still answers; GetTask then reports FAILED with this message, because
 * Propeller retries every CreateTask error.
 */
public final class InvalidTask extends RuntimeException {

    public InvalidTask(String message) {
        super(message);
    }
}
