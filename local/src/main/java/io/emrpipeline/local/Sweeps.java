package io.emrpipeline.local;

import io.emrpipeline.local.lambda.LambdaFunctions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The schedule rule that invokes ReconcileSweep in a deployment. moto's EventBridge runs no
 * schedules, so the local pipeline keeps one here: every interval, one invocation of the real
 * function through the local Lambda service, with the event a schedule rule sends. Tests can
 * shorten the interval, or stop it to show what happens without the sweep.
 */
public final class Sweeps implements AutoCloseable {

    private static final String FUNCTION = "ReconcileSweep";
    private static final byte[] SCHEDULED_EVENT = ("{\"source\":\"aws.events\",\"detail-type\":\"Scheduled Event\","
            + "\"detail\":{}}").getBytes(StandardCharsets.UTF_8);

    private final LambdaFunctions lambdas;
    private final ScheduledExecutorService scheduler;
    private ScheduledFuture<?> schedule;

    private Sweeps(LambdaFunctions lambdas) {
        this.lambdas = lambdas;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "reconcile-sweep-schedule");
            thread.setDaemon(true);
            return thread;
        });
    }

    static Sweeps every(Duration interval, LambdaFunctions lambdas) {
        Sweeps sweeps = new Sweeps(lambdas);
        sweeps.setInterval(interval);
        return sweeps;
    }

    /** Runs the sweep every {@code interval} from now on; {@link Duration#ZERO} stops the schedule. */
    public synchronized void setInterval(Duration interval) {
        if (schedule != null) {
            schedule.cancel(false);
            schedule = null;
        }
        if (!interval.isZero()) {
            schedule = scheduler.scheduleWithFixedDelay(this::sweepNow, interval.toMillis(), interval.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    /** One sweep now, as the schedule would run it (the invocation is logged like any other). */
    public void sweepNow() {
        lambdas.invoke(FUNCTION, SCHEDULED_EVENT, "Event");
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
