package io.emrpipeline.local.events;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Where AWS services' events go: the local stand-in for the default EventBridge bus. */
public interface EventPublisher {

    /**
     * Matches the event against the rules and delivers it to their targets.
     *
     * @param event a complete EventBridge event (version, id, source, detail-type, detail, …)
     * @param synchronous deliver before returning, instead of in the background as EventBridge does
     */
    void publish(ObjectNode event, boolean synchronous);
}
