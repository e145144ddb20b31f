package io.emrpipeline.local.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.emrpipeline.contract.Contract;
import io.emrpipeline.contract.FunctionSpec;
import io.emrpipeline.contract.RepositoryRoot;
import io.emrpipeline.local.LocalPipeline;
import io.emrpipeline.local.emr.JobPlan;
import io.emrpipeline.local.emr.JobRunOperation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/**
 * What one job costs the pipeline, measured for simulated jobs of 10 s, 60 s and 300 s
 * ({@code -Dbench.durations=10,60,300}): state transitions, Lambda invocations per function,
 * EMR Serverless calls, the functions' S3 requests. The deployment's sweep is switched off while a
 * job is measured (it is per deployment, not per job; its own cost is in {@link ScaleBenchmark}).
 * Beside the measured rows, per hour of job: a poller at Airflow's default (GetJobRun every 60 s)
 * and the pipeline's former 600 s heartbeat loop, whose per-period cost was measured before it was
 * removed (each period: 3 state transitions, 2 Lambda invocations, 2 GetJobRun). Prints the tables
 * and writes them to {@code local/target/bench/cost-per-job.txt}. Run by {@code make bench}.
 */
class CostPerJobBenchmark {

    private static final List<Integer> DURATIONS = Arrays.stream(System.getProperty("bench.durations", "10,60,300")
            .split(",")).map(String::trim).map(Integer::parseInt).toList();
    private static final int POLLER_SECONDS = 60;
    private static final int HEARTBEAT_SECONDS = 600;
    private static final int HEARTBEAT_TRANSITIONS = 3;
    private static final int HEARTBEAT_INVOCATIONS = 2;
    private static final int HEARTBEAT_GET_JOB_RUN = 2;

    record Measured(int seconds, int transitions, CallTally calls, Duration wall) {}

    @Test
    void costPerJobDoesNotGrowWithDuration() throws Exception {
        Path root = RepositoryRoot.find();
        List<String> functions = Contract.get().functions().stream().map(FunctionSpec::name).toList();
        List<Measured> rows = new ArrayList<>();
        try (LocalPipeline pipeline = LocalPipeline.start(root)) {
            measure(pipeline, functions, 2);
            for (int seconds : DURATIONS) {
                rows.add(measure(pipeline, functions, seconds));
            }
        }
        String report = render(rows, functions);
        System.out.println(report);
        Path bench = Files.createDirectories(root.resolve("local/target/bench"));
        Files.writeString(bench.resolve("cost-per-job.txt"), report);
    }

    /** One job of {@code seconds}, alone on a freshly reset deployment with the sweep off. */
    private static Measured measure(LocalPipeline pipeline, List<String> functions, int seconds) throws Exception {
        pipeline.reset();
        pipeline.sweeps().setInterval(Duration.ZERO);
        String applicationId = pipeline.createApplication("bench");
        pipeline.gateway().calls().drain();
        pipeline.gateway().simulatedJobs().planNext(JobPlan.succeedAfter(Duration.ofSeconds(seconds)));
        long started = System.nanoTime();
        String executionArn = pipeline.startExecution("job-" + seconds + "s", jobRequest(applicationId));
        var execution = pipeline.awaitExecution(executionArn, Duration.ofSeconds(seconds + 300L));
        Duration wall = Duration.ofNanos(System.nanoTime() - started);
        assertEquals(ExecutionStatus.SUCCEEDED, execution.status(), execution::cause);
        pipeline.gateway().events().awaitQuiet(Duration.ofSeconds(60));
        List<HistoryEvent> history = pipeline.sfn().getExecutionHistoryPaginator(r -> r.executionArn(executionArn))
                .events().stream().toList();
        int transitions = (int) history.stream().filter(event -> event.typeAsString().endsWith("StateEntered")).count();
        return new Measured(seconds, transitions, CallTally.drain(pipeline, functions), wall);
    }

    private static String jobRequest(String applicationId) {
        return "{\"name\":\"bench\",\"application\":{\"id\":\"" + applicationId + "\"},"
                + "\"job\":{\"mode\":\"script\",\"entryPoint\":\"s3://emr-pipeline-local/jobs/job.py\"},"
                + "\"timeoutMinutes\":60}";
    }

    static String render(List<Measured> rows, List<String> functions) {
        StringBuilder out = new StringBuilder("Cost per job, measured (one simulated job alone, its event delivered; "
                + "sweep off)\n\n");
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-8s %11s", "job", "transitions"));
        for (String function : functions) {
            header.append(String.format(Locale.ROOT, " %16s", function));
        }
        header.append(String.format(Locale.ROOT, " %9s %10s %11s %11s %4s %10s %9s %8s", "invoked", "GetJobRun",
                "ListJobRuns", "StartJobRun", "S3", "SendTask*", "PutEvents", "wall"));
        out.append(header).append('\n');
        for (Measured row : rows) {
            out.append(String.format(Locale.ROOT, "%-8s %11d", row.seconds() + " s", row.transitions()));
            for (String function : functions) {
                out.append(String.format(Locale.ROOT, " %16d", row.calls().invocations().get(function)));
            }
            out.append(String.format(Locale.ROOT, " %9d %10d %11d %11d %4d %10d %9d %7.1fs%n",
                    row.calls().invocationsInAll(), row.calls().emr(JobRunOperation.GET_JOB_RUN),
                    row.calls().emr(JobRunOperation.LIST_JOB_RUNS), row.calls().emr(JobRunOperation.START_JOB_RUN),
                    row.calls().s3Requests(), row.calls().taskAnswers(), row.calls().putEvents(),
                    row.wall().toMillis() / 1000.0));
        }
        out.append("\nPer job, beside other ways to wait (GetJobRun calls; for the heartbeat loop also transitions "
                + "and Lambda invocations)\n\n");
        out.append(String.format(Locale.ROOT, "%-8s %14s %22s %46s%n", "job", "this pipeline",
                "poller every " + POLLER_SECONDS + " s", "heartbeat loop every " + HEARTBEAT_SECONDS + " s"));
        for (Measured row : rows) {
            int periods = row.seconds() / HEARTBEAT_SECONDS;
            out.append(String.format(Locale.ROOT, "%-8s %14d %22d %46s%n", row.seconds() + " s",
                    row.calls().emr(JobRunOperation.GET_JOB_RUN), row.seconds() / POLLER_SECONDS + 1,
                    "+" + periods * HEARTBEAT_GET_JOB_RUN + " GetJobRun, +" + periods * HEARTBEAT_TRANSITIONS
                            + " transitions over its base"));
        }
        int perHour = 3600;
        out.append(String.format(Locale.ROOT, "%-8s %14s %22d %46s%n", "+1 hour", "+0",
                perHour / POLLER_SECONDS,
                "+" + perHour / HEARTBEAT_SECONDS * HEARTBEAT_GET_JOB_RUN + " GetJobRun, +"
                        + perHour / HEARTBEAT_SECONDS * HEARTBEAT_TRANSITIONS + " transitions, +"
                        + perHour / HEARTBEAT_SECONDS * HEARTBEAT_INVOCATIONS + " invocations"));
        out.append("\nThe sweep is per deployment, not per job: every reconcileMinutes (default 5, so 12 an hour) "
                + "one S3 listing of the stored waits and one ListJobRuns per application with waits; "
                + "a GetJobRun only for a run whose end event was lost.\n");
        return out.toString();
    }
}
