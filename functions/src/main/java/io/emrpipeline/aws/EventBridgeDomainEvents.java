package io.emrpipeline.aws;

import io.emrpipeline.contract.Contract;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.emrpipeline.core.DomainEvents;
import io.emrpipeline.core.Json;
import org.apache.logging.log4j.CloseableThreadContext;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;

/**
 * {@link DomainEvents} on the pipeline's event bus. Best effort by design: a failed publish is
 * logged and swallowed, because a lost notification must never fail a job.
 */
public final class EventBridgeDomainEvents implements DomainEvents {

    private static final Logger LOG = LogManager.getLogger(EventBridgeDomainEvents.class);

    private final EventBridgeClient eventBridge;
    private final String busName;

    public EventBridgeDomainEvents(EventBridgeClient eventBridge, String busName) {
        this.eventBridge = eventBridge;
        this.busName = busName;
    }

    @Override
    public void publish(String detailType, ObjectNode detail) {
        try {
            PutEventsResponse response = eventBridge.putEvents(r -> r.entries(e -> e
                    .eventBusName(busName).source(Contract.get().domainEventSource()).detailType(detailType).detail(Json.string(detail))));
            if (response.failedEntryCount() != null && response.failedEntryCount() > 0) {
                var entry = response.entries().get(0);
                try (var fields = CloseableThreadContext.put("detailType", detailType)
                        .put("reason", entry.errorCode() + ": " + entry.errorMessage())) {
                    LOG.warn("domain event rejected");
                }
            }
        } catch (SdkException e) {
            try (var fields = CloseableThreadContext.put("detailType", detailType)) {
                LOG.warn("could not publish domain event", e);
            }
        }
    }
}
