package io.emrpipeline.local.events;

import io.emrpipeline.local.lambda.Invocation;

/**
 * One delivery of an event to a rule's target function.
 *
 * @param invocation what the target did with it; null when the target function does not exist
 * @param failure why the delivery failed before reaching the function, or null
 */
public record Delivery(String ruleName, String targetFunction, String eventId, Invocation invocation, String failure) {

    public boolean succeeded() {
        return failure == null && invocation != null && invocation.succeeded();
    }
}
