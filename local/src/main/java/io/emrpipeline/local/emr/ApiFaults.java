package io.emrpipeline.local.emr;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Per-operation call counters and throttling, injected or by rate. AWS publishes low EMR
 * Serverless API quotas (StartJobRun 1 TPS burst 25, GetJobRun 10 TPS burst 50), so tests must
 * show the pipeline survives ThrottlingException and how many calls it spends.
 */
public final class ApiFaults {

    /** The account-level rates AWS documents for EMR Serverless, as token buckets. */
    public static final RateLimit START_JOB_RUN_QUOTA = new RateLimit(1, 25);
    public static final RateLimit GET_JOB_RUN_QUOTA = new RateLimit(10, 50);

    private final Map<JobRunOperation, Integer> calls = new EnumMap<>(JobRunOperation.class);
    private final Map<JobRunOperation, Duration> answerDelays = new EnumMap<>(JobRunOperation.class);
    private final Map<JobRunOperation, TokenBucket> rateLimits = new EnumMap<>(JobRunOperation.class);
    private final Map<JobRunOperation, Integer> throttled = new EnumMap<>(JobRunOperation.class);
    private final Map<JobRunOperation, Deque<EmrApiException>> refusals = new EnumMap<>(JobRunOperation.class);

    /** A sustained rate in requests per second and the burst a full bucket allows. */
    public record RateLimit(double perSecond, int burst) {}

    /** The next {@code count} calls of {@code operation} answer HTTP 429 ThrottlingException. */
    public synchronized void throttleNext(JobRunOperation operation, int count) {
        for (int i = 0; i < count; i++) {
            refuseNext(operation, EmrApiException.throttled());
        }
    }

    /** The next calls of {@code operation} answer these errors, one each, in order (a refusal EMR would make). */
    public synchronized void refuseNext(JobRunOperation operation, EmrApiException... errors) {
        refusals.computeIfAbsent(operation, op -> new ArrayDeque<>()).addAll(List.of(errors));
    }

    /**
     * Calls of {@code operation} beyond {@code limit} answer ThrottlingException, the way the
     * service's token buckets do: the bucket starts full and refills at the sustained rate.
     */
    public synchronized void limitRate(JobRunOperation operation, RateLimit limit) {
        rateLimits.put(operation, new TokenBucket(limit, System.nanoTime()));
    }

    /** Both documented quotas at once: StartJobRun and GetJobRun as AWS meters them. */
    public synchronized void limitToAwsQuotas() {
        limitRate(JobRunOperation.START_JOB_RUN, START_JOB_RUN_QUOTA);
        limitRate(JobRunOperation.GET_JOB_RUN, GET_JOB_RUN_QUOTA);
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

    /** Calls answered ThrottlingException, injected or by rate. */
    public synchronized int throttledCount(JobRunOperation operation) {
        return throttled.getOrDefault(operation, 0);
    }

    /** Counts a call; throws the error owed to it, or throttles it when the operation's bucket is empty. */
    synchronized void onCall(JobRunOperation operation) {
        calls.merge(operation, 1, Integer::sum);
        Deque<EmrApiException> owed = refusals.get(operation);
        EmrApiException refusal = owed == null ? null : owed.poll();
        if (refusal == null) {
            TokenBucket bucket = rateLimits.get(operation);
            if (bucket == null || bucket.take(System.nanoTime())) {
                return;
            }
            refusal = EmrApiException.throttled();
        }
        if (refusal.isThrottling()) {
            throttled.merge(operation, 1, Integer::sum);
        }
        throw refusal;
    }

    public synchronized void reset() {
        calls.clear();
        answerDelays.clear();
        rateLimits.clear();
        throttled.clear();
        refusals.clear();
    }

    /** Tokens refill continuously at the sustained rate, up to the burst; a call takes one or is throttled. */
    private static final class TokenBucket {

        private final RateLimit limit;
        private double tokens;
        private long refilledAt;

        TokenBucket(RateLimit limit, long now) {
            this.limit = limit;
            this.tokens = limit.burst();
            this.refilledAt = now;
        }

        boolean take(long now) {
            tokens = Math.min(limit.burst(), tokens + (now - refilledAt) / 1e9 * limit.perSecond());
            refilledAt = now;
            if (tokens < 1) {
                return false;
            }
            tokens -= 1;
            return true;
        }
    }
}
