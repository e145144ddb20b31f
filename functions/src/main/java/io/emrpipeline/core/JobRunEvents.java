package io.emrpipeline.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.emrpipeline.contract.Contract;
import io.emrpipeline.contract.DomainEventType;
import java.nio.charset.StandardCharsets;
import org.apache.logging.log4j.CloseableThreadContext;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The pipeline's domain events (see docs/events.md): one per submitted job run and one per
 * ended job run, with ids, links and cost figures. Publishing is best effort (the
 * {@link DomainEvents} adapter logs and swallows its failures): a lost notification must never
 * fail or block a job.
 */
public final class JobRunEvents {

    private static final Contract CONTRACT = Contract.get();

    private static final Logger LOG = LogManager.getLogger(JobRunEvents.class);

    private final DomainEvents events;

    public JobRunEvents(DomainEvents events) {
        this.events = events;
    }

    public void submitted(String executionArn, JobRunKey run, String jobRunName, JsonNode links) {
        ObjectNode detail = Json.object()
                .put("executionArn", executionArn)
                .put("applicationId", run.applicationId())
                .put("jobRunId", run.jobRunId())
                .put("jobRunName", jobRunName);
        detail.set("links", links);
        publish(CONTRACT.detailType(DomainEventType.SUBMITTED), detail);
    }

    public void ended(ObjectNode outcome, String executionArn) {
        DomainEventType type = switch (outcome.path("status").asText()) {
            case "SUCCEEDED" -> DomainEventType.SUCCEEDED;
            case "FAILED" -> DomainEventType.FAILED;
            case "CANCELLED" -> DomainEventType.CANCELLED;
            default -> null;
        };
        if (type == null) {
            return;
        }
        String detailType = CONTRACT.detailType(type);
        JsonNode jobRun = outcome.path("jobRun");
        ObjectNode detail = Json.object()
                .put("executionArn", executionArn)
                .put("applicationId", jobRun.path("applicationId").asText())
                .put("jobRunId", jobRun.path("jobRunId").asText())
                .put("jobRunName", jobRun.path("name").asText())
                .put("state", jobRun.path("state").asText())
                .put("mode", jobRun.path("mode").asText("BATCH"))
                .put("attempt", jobRun.path("attempt").asInt(1))
                .put("eventId", endEventId(jobRun));
        detail.set("stateDetails", jobRun.path("stateDetails"));
        detail.set("totalExecutionDurationSeconds", jobRun.path("totalExecutionDurationSeconds"));
        detail.set("billedResourceUtilization", jobRun.path("billedResourceUtilization"));
        detail.set("links", outcome.path("links"));
        publish(detailType, detail);
    }

    /**
     * The same for every copy of one job run's end, whichever path publishes it and however often a
     * crash makes it publish again: consumers that must see each end once deduplicate on it.
     */
    static String endEventId(JsonNode jobRun) {
        return Hashes.sha256Hex((jobRun.path("applicationId").asText() + "/" + jobRun.path("jobRunId").asText() + "/"
                + jobRun.path("state").asText() + "/" + jobRun.path("attempt").asText("1"))
                .getBytes(StandardCharsets.UTF_8));
    }

    private void publish(String detailType, ObjectNode detail) {
        events.publish(detailType, detail);
        try (var fields = CloseableThreadContext.put("detailType", detailType).put("jobRunId", detail.path("jobRunId").asText())) {
            LOG.info("published domain event");
        }
    }
}
