package io.emrpipeline.connector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import flyteidl.admin.AgentOuterClass.DeleteTaskRequest;
import flyteidl.core.Execution.TaskExecution.Phase;
import io.emrpipeline.connector.local.FlyteRequests;
import io.emrpipeline.connector.local.LocalConnector;
import io.emrpipeline.connector.local.LocalConnectorExtension;
import io.emrpipeline.contract.RepositoryRoot;
import io.emrpipeline.local.LocalPipeline;
import io.emrpipeline.local.emr.JobPlan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * GetTask under load against the local pipeline: latency (median, p99), throughput and Step
 * Functions reads per GetTask, with every GetTask reading (status max age 0), with the default
 * max age (5 s), and once the executions ended. Bounded in time (a few seconds per phase);
 * prints the figures and writes them to connector/target/benchmark.txt.
 */
@ExtendWith(LocalConnectorExtension.class)
class GetTaskBenchmark {

    private static final int EXECUTIONS = 4;
    private static final int CLIENT_THREADS = 4;
    private static final Duration PHASE = Duration.ofSeconds(4);

    private record Figures(String label, int calls, double seconds, double medianMs, double p99Ms, int reads) {
        double throughput() {
            return calls / seconds;
        }

        double readsPerGetTask() {
            return (double) reads / calls;
        }

        String line() {
            return String.format(Locale.ROOT, "%-34s %6d GetTask  median %6.2f ms  p99 %6.2f ms  %7.1f GetTask/s  %.3f Step Functions reads/GetTask",
                    label, calls, medianMs, p99Ms, throughput(), readsPerGetTask());
        }
    }

    @Test
    void getTaskLatencyThroughputAndStepFunctionsReads(LocalPipeline pipeline, LocalConnector uncached) throws Exception {
        String applicationId = pipeline.createApplication("analytics");
        List<ByteString> metas = new ArrayList<>();
        for (int i = 0; i < EXECUTIONS; i++) {
            pipeline.gateway().simulatedJobs().planNext(JobPlan.runUntilCancelled());
            metas.add(uncached.agent().createTask(FlyteRequests.create(FlyteRequests.scriptJob(applicationId), "bench" + i))
                    .getResourceMeta());
        }
        for (ByteString meta : metas) {
            ConnectorIT.pollUntil(uncached, meta, r -> r.getPhase() == Phase.RUNNING);
        }

        List<Figures> figures = new ArrayList<>();
        figures.add(measure("running, max age 0 (every read)", uncached, metas));
        try (LocalConnector cached = LocalConnector.start(pipeline, Duration.ofSeconds(5))) {
            figures.add(measure("running, max age 5 s (default)", cached, metas));
        }
        for (ByteString meta : metas) {
            uncached.agent().deleteTask(DeleteTaskRequest.newBuilder().setResourceMeta(meta).build());
        }
        for (ByteString meta : metas) {
            ConnectorIT.pollUntil(uncached, meta, r -> r.getPhase() == Phase.ABORTED);
        }
        figures.add(measure("ended (ABORTED), max age 0", uncached, metas));

        StringBuilder report = new StringBuilder("GetTask benchmark: " + EXECUTIONS + " executions, " + CLIENT_THREADS
                + " client threads, " + PHASE.toSeconds() + " s per phase, " + Runtime.getRuntime().availableProcessors()
                + " cores\n");
        figures.forEach(f -> report.append(f.line()).append('\n'));
        System.out.print(report);
        Path out = RepositoryRoot.find().resolve("connector/target/benchmark.txt");
        Files.writeString(out, report);

        assertTrue(figures.get(0).readsPerGetTask() <= 1.0, figures.get(0).line());
        assertTrue(figures.get(1).readsPerGetTask() < 0.5, figures.get(1).line());
        assertEquals(0, figures.get(2).reads(), figures.get(2).line());
    }

    private static Figures measure(String label, LocalConnector connector, List<ByteString> metas) throws Exception {
        int readsBefore = connector.sfn().reads();
        long deadline = System.nanoTime() + PHASE.toNanos();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENT_THREADS);
        long started = System.nanoTime();
        List<Future<List<Long>>> futures = new ArrayList<>();
        for (int t = 0; t < CLIENT_THREADS; t++) {
            int offset = t;
            futures.add(clients.submit(() -> {
                List<Long> latencies = new ArrayList<>();
                for (int i = offset; System.nanoTime() < deadline; i++) {
                    long begin = System.nanoTime();
                    connector.agent().getTask(FlyteRequests.get(metas.get(i % metas.size())));
                    latencies.add(System.nanoTime() - begin);
                }
                return latencies;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> future : futures) {
            all.addAll(future.get());
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        clients.shutdown();
        Collections.sort(all);
        return new Figures(label, all.size(), seconds, percentile(all, 50), percentile(all, 99),
                connector.sfn().reads() - readsBefore);
    }

    private static double percentile(List<Long> sortedNanos, int percent) {
        int index = Math.min(sortedNanos.size() - 1, (int) Math.ceil(percent / 100.0 * sortedNanos.size()) - 1);
        return sortedNanos.get(Math.max(0, index)) / 1e6;
    }
}
