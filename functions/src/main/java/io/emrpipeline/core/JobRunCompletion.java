package io.emrpipeline.core;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.apache.logging.log4j.CloseableThreadContext;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import software.amazon.awssdk.services.emrserverless.model.JobRun;

/**
 * Finishes a job run's end exactly once, whichever path sees it: AwaitJobRun (the run ended before
 * the token was stored), JobStateChange (the event), ReconcileJobRun (the wait timed out) or the
 * sweep (the event was lost). Each path that sees a terminal run of this deployment claims the end
 * ({@link Claims}); only the holder sends the outcome to the waiting execution and publishes the
 * domain event. Events are at least once and unordered, and nothing here relies on Step Functions
 * refusing a second SendTaskSuccess.
 */
public final class JobRunCompletion {

    /** What one call did; handlers return it so tests and logs can tell the paths apart. */
    public enum Action {
        /** This call held the claim and sent the outcome to the waiting execution. */
        COMPLETED,
        /** This call held the claim, but the token was already closed (the execution ended or was stopped). */
        ALREADY_CLOSED,
        /** This call held the claim of a run no execution waits on any more (a stopped one): the event was told. */
        ENDED_WITHOUT_WAIT,
        /** Another path holds or finished the claim: nothing to do. */
        ALREADY_CLAIMED,
        /** No wait is stored for the run: not ours (or AwaitJobRun will see the end itself). */
        NO_CALLBACK,
        NOT_TERMINAL,
        STORED_WAITING
    }

    // Lines carry the job run's ids from the log context the handler set; only what this call learned is added.
    private static final Logger LOG = LogManager.getLogger(JobRunCompletion.class);

    private final EmrServerlessApi emr;
    private final Callbacks callbacks;
    private final Claims claims;
    private final TaskCallbacks tasks;
    private final JobRunOutcomes outcomes;
    private final JobRunEvents events;

    public JobRunCompletion(EmrServerlessApi emr, Callbacks callbacks, Claims claims, TaskCallbacks tasks,
            JobRunOutcomes outcomes, JobRunEvents events) {
        this.emr = emr;
        this.callbacks = callbacks;
        this.claims = claims;
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
        return finish(run, jobRun, callback.executionArn(), "AwaitJobRun");
    }

    /**
     * JobStateChange: an event said the run changed state. A run with no stored wait is not this
     * deployment's (or not waited on yet): it costs no EMR call. Otherwise GetJobRun says what is true.
     */
    public Action onStateChange(JobRunKey run, String eventState) {
        if (!JobRunOutcomes.isTerminal(eventState)) {
            return Action.NOT_TERMINAL;
        }
        Optional<Callbacks.Callback> wait = callbacks.find(run);
        if (wait.isEmpty()) {
            LOG.info("no wait stored for job run: not ours, or AwaitJobRun will see the end");
            return Action.NO_CALLBACK;
        }
        JobRun jobRun = emr.getJobRun(run.applicationId(), run.jobRunId());
        if (!JobRunOutcomes.isTerminal(jobRun.state())) {
            try (var fields = CloseableThreadContext.put("eventState", eventState).put("state", jobRun.stateAsString())) {
                LOG.warn("event says terminal but job run is not");
            }
            return Action.NOT_TERMINAL;
        }
        return finish(run, jobRun, wait.get().executionArn(), "JobStateChange");
    }

    /** ReconcileJobRun: the wait timed out without a callback; one GetJobRun decides, and its answer is the state's output. */
    public ObjectNode reconcile(JobRunKey run, String executionArn) {
        JobRun jobRun = emr.getJobRun(run.applicationId(), run.jobRunId());
        if (JobRunOutcomes.isTerminal(jobRun.state())) {
            finish(run, jobRun, executionArn, "ReconcileJobRun");
        }
        return outcomes.outcome(jobRun, executionArn);
    }

    /** The sweep found a stored wait whose run is no longer active: one GetJobRun, then finish it. */
    public Action sweep(JobRunKey run) {
        Optional<Callbacks.Callback> wait = callbacks.find(run);
        if (wait.isEmpty()) {
            return Action.NO_CALLBACK;
        }
        JobRun jobRun = emr.getJobRun(run.applicationId(), run.jobRunId());
        if (!JobRunOutcomes.isTerminal(jobRun.state())) {
            return Action.NOT_TERMINAL;
        }
        Action action = finish(run, jobRun, wait.get().executionArn(), "ReconcileSweep");
        if (action == Action.ALREADY_CLAIMED && claims.find(run).filter(claim -> claim.status() == Claims.Status.DONE).isPresent()) {
            // The end was told; this wait was stored after (a stop racing the end): nothing will use it.
            callbacks.delete(run);
        }
        return action;
    }

    private Action finish(JobRunKey run, JobRun jobRun, String executionArn, String path) {
        Optional<Claims.Claim> claim = claims.claim(run, path);
        if (claim.isEmpty()) {
            LOG.info("another path finishes this job run's end");
            return Action.ALREADY_CLAIMED;
        }
        // The wait is read after the claim: a token stored before it is seen, and one stored after it
        // belongs to an AwaitJobRun whose own GetJobRun finds the run ended and whose claim fails —
        // so it is re-read here, once the claim is ours.
        Optional<Callbacks.Callback> wait = callbacks.find(run);
        String arn = wait.map(Callbacks.Callback::executionArn).orElse(executionArn);
        ObjectNode outcome = outcomes.outcome(jobRun, arn);
        Action action = send(wait, outcome);
        events.ended(outcome, arn);
        claims.done(run, claim.get());
        callbacks.delete(run);
        try (var fields = CloseableThreadContext.put("state", jobRun.stateAsString()).put("path", path)
                .put("action", action.name()).put("executionArn", String.valueOf(arn))) {
            LOG.info("finished job run end");
        }
        return action;
    }

    private Action send(Optional<Callbacks.Callback> wait, ObjectNode outcome) {
        Optional<String> token = wait.flatMap(Callbacks.Callback::token);
        if (token.isEmpty()) {
            return Action.ENDED_WITHOUT_WAIT;
        }
        return tasks.sendSuccess(token.get(), Json.string(outcome)) ? Action.COMPLETED : Action.ALREADY_CLOSED;
    }
}
