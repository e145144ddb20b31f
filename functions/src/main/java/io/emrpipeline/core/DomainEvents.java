package io.emrpipeline.core;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Publishes the pipeline's own events (source {@code emr-pipeline}) for notifications. */
public interface DomainEvents {

    String SOURCE = "emr-pipeline";

    void publish(String detailType, ObjectNode detail);

    /** For deployments without an event bus. */
    DomainEvents NONE = (detailType, detail) -> { };
}
