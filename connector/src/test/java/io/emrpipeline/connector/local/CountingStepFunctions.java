package io.emrpipeline.connector.local;

import io.emrpipeline.connector.sfn.StepFunctions;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/** Counts the reads and writes the connector makes, to hold it to its Step Functions budget. */
public final class CountingStepFunctions implements StepFunctions {

    private final StepFunctions delegate;
    private final AtomicInteger reads = new AtomicInteger();
    private final AtomicInteger starts = new AtomicInteger();
    private final AtomicInteger stops = new AtomicInteger();

    public CountingStepFunctions(StepFunctions delegate) {
        this.delegate = delegate;
    }

    @Override
    public String startExecution(String name, String input) {
        starts.incrementAndGet();
        return delegate.startExecution(name, input);
    }

    @Override
    public List<HistoryEvent> recentHistory(String executionArn) {
        reads.incrementAndGet();
        return delegate.recentHistory(executionArn);
    }

    @Override
    public void stopExecution(String executionArn, String error, String cause) {
        stops.incrementAndGet();
        delegate.stopExecution(executionArn, error, cause);
    }

    public int reads() {
        return reads.get();
    }

    public int starts() {
        return starts.get();
    }

    public int stops() {
        return stops.get();
    }

    public void reset() {
        reads.set(0);
        starts.set(0);
        stops.set(0);
    }
}
