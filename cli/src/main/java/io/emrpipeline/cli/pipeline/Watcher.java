package io.emrpipeline.cli.pipeline;

import io.emrpipeline.cli.CliError;
import io.emrpipeline.cli.ExitCode;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import software.amazon.awssdk.services.emrserverless.model.JobRun;

/**
 * Follows one execution to its end and tells a {@link Listener} each change as it is seen: the
 * job run being started, then every state (and attempt) it goes through. It reads the job run
 * after the execution's status, so the job's terminal state is told before the execution's end.
 */
public final class Watcher {

    /** What a waiting command shows. */
    public interface Listener {

        void jobRunStarted(JobRunRef ref);

        void jobRunState(String state, String stateDetails, int attempt);

        /** Between calls: what the job is doing now and for how long the execution has run. */
        void waiting(String state, Duration elapsed);
    }

    private final Executions executions;
    private final PollSchedule schedule;

    public Watcher(Executions executions, PollSchedule schedule) {
        this.executions = executions;
        this.schedule = schedule;
    }

    /** @return the execution, no longer RUNNING */
    public ExecutionView follow(String executionArn, Duration timeout, Listener listener) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        Optional<JobRunRef> ref = Optional.empty();
        String shownState = null;
        int shownAttempt = 0;
        while (true) {
            ExecutionView execution = executions.describe(executionArn);
            if (ref.isEmpty()) {
                ref = executions.jobRunOf(executionArn);
                ref.ifPresent(listener::jobRunStarted);
            }
            // A FAILED attempt that EMR retries is not the end: keep reading while the execution runs.
            if (ref.isPresent() && (execution.running() || !isTerminal(shownState))) {
                JobRun run = executions.jobRun(ref.get());
                int attempt = run.attempt() == null ? 1 : run.attempt();
                if (!run.stateAsString().equals(shownState) || attempt != shownAttempt) {
                    shownState = run.stateAsString();
                    shownAttempt = attempt;
                    listener.jobRunState(shownState, run.stateDetails(), attempt);
                }
            }
            if (!execution.running()) {
                return execution;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new CliError(ExitCode.TARGET_UNAVAILABLE, execution.name() + " is still RUNNING after "
                        + timeout.toMinutes() + " minutes; stopped waiting (the execution goes on)",
                        "follow it with `emr-pipeline status " + execution.name() + "`, or stop it with `emr-pipeline cancel "
                        + execution.name() + "`");
            }
            listener.waiting(shownState == null ? "STARTING" : shownState, execution.duration(Instant.now()));
            Thread.sleep(schedule.next().toMillis());
        }
    }

    static boolean isTerminal(String state) {
        return "SUCCESS".equals(state) || "FAILED".equals(state) || "CANCELLED".equals(state);
    }
}
