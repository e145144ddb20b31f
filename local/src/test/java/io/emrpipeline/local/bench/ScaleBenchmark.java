package io.emrpipeline.local.bench;

import io.emrpipeline.contract.Contract;
import io.emrpipeline.contract.RepositoryRoot;
import io.emrpipeline.local.LocalPipeline;
import io.emrpipeline.local.emr.JobPlan;
import io.emrpipeline.local.emr.JobRunOperation;
import io.emrpipeline.local.events.PublishedEvent;
import io.emrpipeline.local.lambda.Invocation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * Many executions at once under the real EMR Serverless quotas (StartJobRun 1 TPS burst 25,
 * GetJobRun 10 TPS burst 50), every event delivered twice and a tenth of the terminal events lost:
 * how the executions end, how many job runs and domain events they made, and what each sweep
 * cost. {@code -Dbench.executions=N} (default 500), {@code -Dbench.jobSeconds=S} (default 10).
 * Prints the table and writes it to {@code local/target/bench/scale.txt}. Run by {@code make bench}.
 */
class ScaleBenchmark {

    private static final int EXECUTIONS = Integer.getInteger("bench.executions", 500);
    private static final int JOB_SECONDS = Integer.getInteger("bench.jobSeconds", 10);
    private static final double LOST_TERMINAL_EVENTS = 0.1;
    private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(45);
    private static final String SWEEP = "ReconcileSweep";

    @Test
    void manyExecutionsAtTheRealQuotaEachEndOnce() throws Exception {
        Path root = RepositoryRoot.find();
        String report;
        try (LocalPipeline pipeline = LocalPipeline.start(root)) {
            String applicationId = pipeline.createApplication("bench");
            pipeline.gateway().jobRuns().faults().limitToAwsQuotas();
            pipeline.gateway().events().setDeliverEveryEventTwice(true);
            pipeline.gateway().events().loseEmrEvents(LOST_TERMINAL_EVENTS, true);
            pipeline.gateway().simulatedJobs().setDefaultPlan(JobPlan.succeedAfter(Duration.ofSeconds(JOB_SECONDS)));
            pipeline.gateway().calls().drain();

            long started = System.nanoTime();
            String request = "{\"name\":\"scale\",\"application\":{\"id\":\"" + applicationId + "\"},"
                    + "\"job\":{\"mode\":\"script\",\"entryPoint\":\"s3://emr-pipeline-local/jobs/job.py\"}}";
            for (int i = 0; i < EXECUTIONS; i++) {
                pipeline.startExecution("scale-" + i, request);
            }
            Map<ExecutionStatus, Long> statuses = awaitEnds(pipeline);
            Duration wall = Duration.ofNanos(System.nanoTime() - started);
            // The sweep answers an execution before it publishes the end: let the last ones be told.
            Thread.sleep(LocalPipeline.DEFAULT_SWEEP_INTERVAL.toMillis() * 2);
            pipeline.gateway().events().awaitQuiet(Duration.ofMinutes(2));
            pipeline.sweeps().setInterval(Duration.ZERO);
            report = render(pipeline, statuses, wall);
        }
        System.out.println(report);
        Path bench = Files.createDirectories(root.resolve("local/target/bench"));
        Files.writeString(bench.resolve("scale.txt"), report);
    }

    private static Map<ExecutionStatus, Long> awaitEnds(LocalPipeline pipeline) throws InterruptedException {
        long deadline = System.nanoTime() + GIVE_UP_AFTER.toNanos();
        while (true) {
            Map<ExecutionStatus, Long> statuses = pipeline.sfn()
                    .listExecutionsPaginator(r -> r.stateMachineArn(pipeline.stateMachineArn()).maxResults(1000))
                    .executions().stream()
                    .collect(Collectors.groupingBy(ExecutionListItem::status, () -> new TreeMap<>(), Collectors.counting()));
            if (statuses.getOrDefault(ExecutionStatus.RUNNING, 0L) == 0 || System.nanoTime() > deadline) {
                return statuses;
            }
            Thread.sleep(2000);
        }
    }

    private static String render(LocalPipeline pipeline, Map<ExecutionStatus, Long> statuses, Duration wall) {
        String domainSource = Contract.get().domainEventSource();
        List<PublishedEvent> published = pipeline.gateway().events().publishedEvents();
        List<PublishedEvent> endEvents = published.stream()
                .filter(event -> domainSource.equals(event.source()) && event.detailType().startsWith("Job Run ")
                        && !"Job Run Submitted".equals(event.detailType()))
                .toList();
        long distinctEnds = endEvents.stream().map(event -> event.detail().path("eventId").asText()).distinct().count();
        long lostEmrEvents = published.stream().filter(PublishedEvent::dropped).count();
        List<Invocation> sweeps = pipeline.gateway().lambdas().log().of(SWEEP);
        int endedFoundBySweeps = sweeps.stream().filter(Invocation::succeeded)
                .mapToInt(invocation -> invocation.outputJson().path("ended").asInt()).sum();
        int mostWaitsInOneSweep = sweeps.stream().filter(Invocation::succeeded)
                .mapToInt(invocation -> invocation.outputJson().path("waits").asInt()).max().orElse(0);
        Map<String, Long> sweepCalls = pipeline.gateway().calls().drain().stream()
                .filter(call -> SWEEP.equals(call.function()))
                .collect(Collectors.groupingBy(call -> call.permission().action(), TreeMap::new, Collectors.counting()));
        int sweepCount = Math.max(1, sweeps.size());

        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%d executions started at once; StartJobRun 1 TPS burst 25, GetJobRun "
                + "10 TPS burst 50; every event delivered twice; %.0f %% of terminal EMR events lost; %d s jobs%n%n",
                EXECUTIONS, LOST_TERMINAL_EVENTS * 100, JOB_SECONDS));
        out.append(String.format(Locale.ROOT, "%-46s %10s%n", "", "count"));
        row(out, "executions SUCCEEDED", statuses.getOrDefault(ExecutionStatus.SUCCEEDED, 0L));
        row(out, "executions FAILED", statuses.getOrDefault(ExecutionStatus.FAILED, 0L));
        row(out, "executions still RUNNING", statuses.getOrDefault(ExecutionStatus.RUNNING, 0L));
        row(out, "executions otherwise ended", statuses.entrySet().stream()
                .filter(entry -> entry.getKey() != ExecutionStatus.SUCCEEDED && entry.getKey() != ExecutionStatus.FAILED
                        && entry.getKey() != ExecutionStatus.RUNNING)
                .mapToLong(Map.Entry::getValue).sum());
        row(out, "job runs created", pipeline.gateway().jobRuns().jobRuns().size());
        row(out, "domain events telling an end", endEvents.size());
        row(out, "distinct end event ids", distinctEnds);
        row(out, "EMR events lost", lostEmrEvents);
        row(out, "StartJobRun calls (throttled ones included)",
                pipeline.gateway().jobRuns().faults().callCount(JobRunOperation.START_JOB_RUN));
        row(out, "StartJobRun throttled", pipeline.gateway().jobRuns().faults().throttledCount(JobRunOperation.START_JOB_RUN));
        row(out, "GetJobRun calls", pipeline.gateway().jobRuns().faults().callCount(JobRunOperation.GET_JOB_RUN));
        row(out, "GetJobRun throttled", pipeline.gateway().jobRuns().faults().throttledCount(JobRunOperation.GET_JOB_RUN));
        row(out, "sweeps", sweeps.size());
        row(out, "ends found by sweeps", endedFoundBySweeps);
        row(out, "most stored waits seen by one sweep", mostWaitsInOneSweep);
        out.append(String.format(Locale.ROOT, "%-46s %9.1fs%n", "wall time", wall.toMillis() / 1000.0));
        out.append("\nCalls per sweep (mean over all sweeps)\n");
        sweepCalls.forEach((action, count) -> out.append(String.format(Locale.ROOT, "%-46s %10.2f%n", action,
                (double) count / sweepCount)));
        return out.toString();
    }

    private static void row(StringBuilder out, String label, long value) {
        out.append(String.format(Locale.ROOT, "%-46s %10d%n", label, value));
    }
}
