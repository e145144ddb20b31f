package io.emrpipeline.contract;

/** The pipeline's own events, one per submitted and one per ended job run. */
public enum DomainEventType {
    SUBMITTED, SUCCEEDED, FAILED, CANCELLED;

    String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
