package io.emrpipeline.core;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.logging.log4j.CloseableThreadContext;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import software.amazon.awssdk.services.emrserverless.model.JobRun;

/**
 * Completes an execution's wait when its job run ends, from whichever path sees the end first:
 * AwaitJobRun (the job was terminal before the token was stored), JobStateChange (the event)
 * or ReconcileJobRun (the event was lost). Duplicate and stale events are no-ops, and a token
 * that is already closed is not an error.
 */
public final class JobRunCompletion {

    /** What one call did; handlers return it so tests and logs can tell the paths apart. */
    public enum Action { COMPLETED, ALREADY_CLOSED, NO_CALLBACK, NOT_TERMINAL, STORED_WAITING }

    // Lines carry the job run's ids from the log context the handler set; only what this call learned is added.
    private static final Logger LOG = LogManager.getLogger(JobRunCompletion.class);

    private final EmrServerlessApi emr;
    private final Callbacks callbacks;
    private final TaskCallbacks tasks;
    private final JobRunOutcomes outcomes;
    private final JobRunEvents events;

    public JobRunCompletion(EmrServerlessApi emr, Callbacks callbacks, TaskCallbacks tasks,
            JobRunOutcomes outcomes, JobRunEvents events) {
        this.emr = emr;
        this.callbacks = callbacks;
        this.tasks = tasks;
        this.outcomes = outcomes;
        this.events = events;
    }

    /** AwaitJobRun: store the token, then look once, so a job that already ended completes now. */
    public Action await(JobRunKey run, Callbacks.Callback callback) {
        callbacks.save(run, callback);
        JobRun jobRun = emr.getJobRun(run.applicationId(), run.jobRunId());
        if (!JobRunOutcomes.isTerminal(jobRun.state())) {
            try (var fields = CloseableThreadContext.put("state", jobRun.stateAsString())) {
                LOG.info("waiting for job run");
            }
            return Action.STORED_WAITING;
        }
        return complete(run, jobRun, callback);
    }

    /** JobStateChange: an event said the run changed state; GetJobRun says what is true now. */
    public Action onStateChange(JobRunKey run, String eventState) {
        if (!JobRunOutcomes.isTerminal(eventState)) {
            return Action.NOT_TERMINAL;
        }
        JobRun jobRun = emr.getJobRun(run.applicationId(), run.jobRunId());
        if (!JobRunOutcomes.isTerminal(jobRun.state())) {
            try (var fields = CloseableThreadContext.put("eventState", eventState).put("state", jobRun.stateAsString())) {
                LOG.warn("event says terminal but job run is not");
            }
            return Action.NOT_TERMINAL;
        }
        return callbacks.find(run).map(callback -> complete(run, jobRun, callback)).orElseGet(() -> {
            LOG.info("no callback stored for job run; AwaitJobRun will see it is terminal");
            return Action.NO_CALLBACK;
        });
    }

    /** ReconcileJobRun: the wait timed out without a callback; one GetJobRun decides. */
    public ObjectNode reconcile(JobRunKey run, String executionArn) {
        JobRun jobRun = emr.getJobRun(run.applicationId(), run.jobRunId());
        ObjectNode outcome = outcomes.outcome(jobRun, executionArn);
        if (JobRunOutcomes.isTerminal(jobRun.state())) {
            try (var fields = CloseableThreadContext.put("state", jobRun.stateAsString())) {
                LOG.info("reconciled a job run whose terminal event never arrived");
            }
            callbacks.delete(run);
            events.ended(outcome, executionArn);
        }
        return outcome;
    }

    private Action complete(JobRunKey run, JobRun jobRun, Callbacks.Callback callback) {
        ObjectNode outcome = outcomes.outcome(jobRun, callback.executionArn());
        boolean sent = tasks.sendSuccess(callback.taskToken(), Json.string(outcome));
        callbacks.delete(run);
        if (!sent) {
            LOG.info("task token already closed");
            return Action.ALREADY_CLOSED;
        }
        try (var fields = CloseableThreadContext.put("state", jobRun.stateAsString())
                .put("executionArn", String.valueOf(callback.executionArn()))) {
            LOG.info("completed wait");
        }
        events.ended(outcome, callback.executionArn());
        return Action.COMPLETED;
    }
}
