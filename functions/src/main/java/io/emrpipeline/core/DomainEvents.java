package io.emrpipeline.core;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Publishes the pipeline's own events (source: contract.json's domainEvents.source) for notifications. */
public interface DomainEvents {

    void publish(String detailType, ObjectNode detail);

    /** For deployments without an event bus. */
    DomainEvents NONE = (detailType, detail) -> { };
}
