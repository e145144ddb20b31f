package io.emrpipeline.local.lambda;

import io.emrpipeline.local.BackgroundWork;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Works around a moto 5.2.x engine bug, so the harness keeps real AWS semantics: for a
 * {@code .waitForTaskToken} task with HeartbeatSeconds, moto sets up the heartbeat listener only
 * after the Lambda invocation returns, so a SendTaskSuccess made <em>during</em> that invocation
 * (AwaitJobRun finding the job already ended) is lost and the task times out a heartbeat later.
 * Real Step Functions accepts the token as soon as the task is invoked.
 *
 * <p>The gateway therefore accepts callbacks for a token whose invocation is still in flight
 * and forwards them to moto shortly after that invocation has answered; the route then sends
 * heartbeats until moto's listener is armed, which wakes it to find the recorded outcome.
 */
public final class InFlightTaskTokens {

    /** Time for moto to arm its listener after the invocation answered. */
    private static final long FORWARD_DELAY_MILLIS = 300;

    private final BackgroundWork background;
    private final Map<String, List<Runnable>> inFlight = new HashMap<>();
    /** Executions with a waitForTaskToken invocation in flight (moto mishandles a stop then: see {@link #awaitArmed}). */
    private final Map<String, Integer> executions = new HashMap<>();

    public InFlightTaskTokens(BackgroundWork background) {
        this.background = background;
    }

    public synchronized void begin(String taskToken, String executionArn) {
        inFlight.put(taskToken, new ArrayList<>());
        if (executionArn != null) {
            executions.merge(executionArn, 1, Integer::sum);
        }
    }

    /**
     * moto 5.2 ends an execution stopped while its {@code .waitForTaskToken} invocation is still in
     * flight (its callback wait not armed yet) as a failure of the state ({@code States.Runtime});
     * Step Functions aborts it. The gateway holds such a stop until the invocation has answered and
     * moto has armed the wait, then passes it on: the execution ends ABORTED, as in AWS.
     */
    public void awaitArmed(String executionArn, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        boolean waited = false;
        synchronized (this) {
            while (executions.getOrDefault(executionArn, 0) > 0 && System.currentTimeMillis() < deadline) {
                waited = true;
                wait(Math.max(1, deadline - System.currentTimeMillis()));
            }
        }
        if (waited) {
            Thread.sleep(FORWARD_DELAY_MILLIS);
        }
    }

    /** The invocation that carried this token has answered: forward what waited for it. */
    public void end(String taskToken, String executionArn) {
        List<Runnable> waiting;
        synchronized (this) {
            waiting = inFlight.remove(taskToken);
            if (executionArn != null) {
                executions.computeIfPresent(executionArn, (arn, count) -> count > 1 ? count - 1 : null);
            }
            notifyAll();
        }
        if (waiting == null || waiting.isEmpty()) {
            return;
        }
        background.submit(() -> {
            try {
                Thread.sleep(FORWARD_DELAY_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            waiting.forEach(Runnable::run);
        });
    }

    /** @return true when the callback was queued, to run after the token's invocation answers */
    public synchronized boolean deferIfInFlight(String taskToken, Runnable forward) {
        List<Runnable> waiting = inFlight.get(taskToken);
        if (waiting == null) {
            return false;
        }
        waiting.add(forward);
        return true;
    }
}
