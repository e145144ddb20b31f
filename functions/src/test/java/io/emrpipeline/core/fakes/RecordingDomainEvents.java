package io.emrpipeline.core.fakes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.emrpipeline.core.DomainEvents;
import java.util.ArrayList;
import java.util.List;

/** The pipeline's event bus as a list of what was published. */
public final class RecordingDomainEvents implements DomainEvents {

    /** One published event. */
    public record Published(String detailType, ObjectNode detail) {}

    private final List<Published> published = new ArrayList<>();

    @Override
    public void publish(String detailType, ObjectNode detail) {
        published.add(new Published(detailType, detail.deepCopy()));
    }

    public List<Published> published() {
        return List.copyOf(published);
    }

    public List<String> detailTypes() {
        return published.stream().map(Published::detailType).toList();
    }
}
