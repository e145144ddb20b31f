package io.emrpipeline.local.emr;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * Per-operation call counters and injected throttling. AWS publishes low EMR Serverless API
 * quotas (StartJobRun 1 TPS, GetJobRun 10 TPS), so tests must show the pipeline survives
 * ThrottlingException and how many calls it spends.
 */
public final class ApiFaults {

    private final Map<JobRunOperation, Integer> calls = new EnumMap<>(JobRunOperation.class);
    private final Map<JobRunOperation, Integer> throttlesLeft = new EnumMap<>(JobRunOperation.class);
    private final Map<JobRunOperation, Duration> answerDelays = new EnumMap<>(JobRunOperation.class);

    /** The next {@code count} calls of {@code operation} answer HTTP 429 ThrottlingException. */
    public synchronized void throttleNext(JobRunOperation operation, int count) {
        throttlesLeft.put(operation, count);
    }

    /**
     * Every call of {@code operation} takes effect at once but answers only after {@code delay}: the
     * window in which a caller has started something it does not know about yet.
     */
    public synchronized void delayAnswers(JobRunOperation operation, Duration delay) {
        answerDelays.put(operation, delay);
    }

    /** Waits out the answer delay set for {@code operation}, if any. */
    void beforeAnswer(JobRunOperation operation) {
        Duration delay;
        synchronized (this) {
            delay = answerDelays.getOrDefault(operation, Duration.ZERO);
        }
        if (!delay.isZero()) {
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Calls received, throttled ones included (each SDK retry is a call). */
    public synchronized int callCount(JobRunOperation operation) {
        return calls.getOrDefault(operation, 0);
    }

    /** Counts a call; throws the throttling error if one is still owed. */
    synchronized void onCall(JobRunOperation operation) {
        calls.merge(operation, 1, Integer::sum);
        int left = throttlesLeft.getOrDefault(operation, 0);
        if (left > 0) {
            throttlesLeft.put(operation, left - 1);
            throw EmrApiException.throttled();
        }
    }

    public synchronized void reset() {
        calls.clear();
        throttlesLeft.clear();
        answerDelays.clear();
    }
}
