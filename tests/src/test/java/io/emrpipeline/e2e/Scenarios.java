package io.emrpipeline.e2e;

import io.emrpipeline.local.LocalPipeline;
import io.emrpipeline.local.emr.JobRunState;
import io.emrpipeline.local.emr.JobRunView;
import io.emrpipeline.local.lambda.Invocation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;

/** Waits the scenarios share. */
final class Scenarios {

    private Scenarios() {}

    /** The only job run, once it reached {@code state}. */
    static JobRunView awaitJobRunState(LocalPipeline pipeline, JobRunState state) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            List<JobRunView> runs = pipeline.gateway().jobRuns().jobRuns();
            if (runs.size() == 1 && runs.get(0).state() == state) {
                return runs.get(0);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no job run reached " + state + ": " + pipeline.gateway().jobRuns().jobRuns());
    }

    /** What a function's invocations returned, as the {@code action} each reported. */
    static List<String> actions(LocalPipeline pipeline, String function) {
        return pipeline.gateway().lambdas().log().of(function).stream()
                .filter(Invocation::succeeded)
                .map(invocation -> invocation.outputJson().path("action").asText())
                .toList();
    }

    /** Status, error and cause: what a failed assertion should show (toString redacts them). */
    static String describe(software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse execution) {
        return execution.name() + " " + execution.status() + " error=" + execution.error() + " cause=" + execution.cause();
    }

    /** Waits until event deliveries in flight are done. */
    static void awaitQuiet(LocalPipeline pipeline) throws InterruptedException {
        if (!pipeline.gateway().events().awaitQuiet(Duration.ofSeconds(30))) {
            throw new AssertionError("event deliveries still in flight after 30 s");
        }
    }

    /** Polls {@code condition} until it holds; fails after {@code timeout}. */
    static void awaitTrue(BooleanSupplier condition, Duration timeout)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("condition still false after " + timeout);
            }
            Thread.sleep(100);
        }
    }
}
