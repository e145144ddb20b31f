package io.emrpipeline.connector.sfn;

import io.emrpipeline.connector.sfn.StepFunctions.StepFunctionsRejected;
import io.emrpipeline.connector.sfn.StepFunctions.StepFunctionsUnavailable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.logging.log4j.CloseableThreadContext;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The status of each execution Flyte asks about, read from Step Functions at most once per
 * {@code maxAge} while it runs and never again once it ended. A failed read answers the last
 * known status with a note instead of an error: Propeller counts every GetTask error toward a
 * limit that never resets, and a throttled read says nothing about the job.
 */
public final class ExecutionTracker {

    private static final Logger LOG = LogManager.getLogger(ExecutionTracker.class);

    private final StepFunctions sfn;
    private final HistoryReader reader;
    private final Duration maxAge;
    private final Clock clock;
    private final Map<String, Tracked> tracked;

    /** One execution's last snapshot; its lock keeps concurrent GetTasks to one read. */
    private static final class Tracked {
        ExecutionSnapshot snapshot;
        Instant readAt = Instant.MIN;
    }

    public ExecutionTracker(StepFunctions sfn, Duration maxAge, int capacity) {
        this(sfn, new HistoryReader(), maxAge, capacity, Clock.systemUTC());
    }

    public ExecutionTracker(StepFunctions sfn, HistoryReader reader, Duration maxAge, int capacity, Clock clock) {
        this.sfn = sfn;
        this.reader = reader;
        this.maxAge = maxAge;
        this.clock = clock;
        // Least recently asked first out: a finished workflow stops asking, so its entry ages out.
        this.tracked = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Tracked> eldest) {
                return size() > capacity;
            }
        };
    }

    public ExecutionSnapshot status(String executionArn) {
        Tracked entry;
        synchronized (tracked) {
            entry = tracked.computeIfAbsent(executionArn, arn -> new Tracked());
        }
        synchronized (entry) {
            Instant now = clock.instant();
            if (entry.snapshot != null && (entry.snapshot.terminal() || entry.readAt.plus(maxAge).isAfter(now))) {
                return entry.snapshot;
            }
            try {
                entry.snapshot = reader.read(sfn.recentHistory(executionArn)).keepingWhatIsKnownFrom(entry.snapshot);
                entry.readAt = now;
            } catch (StepFunctionsUnavailable e) {
                try (var fields = CloseableThreadContext.put("executionArn", executionArn)) {
                    LOG.warn("status read failed; answering the last known status", e);
                }
                return Optional.ofNullable(entry.snapshot)
                        .orElseGet(() -> ExecutionSnapshot.unknown(null))
                        .withNote("status not refreshed: " + e.getMessage());
            } catch (StepFunctionsRejected e) {
                if (!e.executionMissing()) {
                    try (var fields = CloseableThreadContext.put("executionArn", executionArn)) {
                        LOG.warn("status read rejected; answering the last known status", e);
                    }
                    return Optional.ofNullable(entry.snapshot)
                            .orElseGet(() -> ExecutionSnapshot.unknown(null))
                            .withNote("status not refreshed: " + e.getMessage());
                }
                entry.snapshot = ExecutionSnapshot.failed("ExecutionNotFound", "Step Functions has no execution " + executionArn
                        + " (deleted, or older than its 90-day history)");
                entry.readAt = now;
            }
            return entry.snapshot;
        }
    }

    /** After DeleteTask: the next GetTask reads again rather than trusting a RUNNING snapshot. */
    public void forget(String executionArn) {
        synchronized (tracked) {
            tracked.remove(executionArn);
        }
    }
}
