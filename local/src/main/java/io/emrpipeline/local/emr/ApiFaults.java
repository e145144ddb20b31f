package io.emrpipeline.local.emr;

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

    /** The next {@code count} calls of {@code operation} answer HTTP 429 ThrottlingException. */
    public synchronized void throttleNext(JobRunOperation operation, int count) {
        throttlesLeft.put(operation, count);
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
    }
}
