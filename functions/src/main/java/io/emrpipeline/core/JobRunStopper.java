package io.emrpipeline.core;

import org.apache.logging.log4j.CloseableThreadContext;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Cancels a job run whose execution no longer wants it, and makes sure its end is still told: a
 * wait without a token is stored for the run (unless the execution's own wait is there), so
 * whichever path sees the CANCELLED end publishes its domain event, with its cost.
 */
public final class JobRunStopper {

    private static final Logger LOG = LogManager.getLogger(JobRunStopper.class);

    private final EmrServerlessApi emr;
    private final Callbacks callbacks;

    public JobRunStopper(EmrServerlessApi emr, Callbacks callbacks) {
        this.emr = emr;
        this.callbacks = callbacks;
    }

    /**
     * The wait is stored before the cancel is requested, so the CANCELLED event, however soon it
     * comes, finds it. A run that had already ended keeps it too: its end may have come before
     * anyone owned it, and the sweep finishes it.
     *
     * @return true when this call cancelled the run; false when it had already ended
     */
    public boolean stopStarted(JobRunKey run, String executionArn) {
        callbacks.saveIfAbsent(run, new Callbacks.Callback(null, executionArn));
        boolean cancelled = emr.cancelJobRun(run.applicationId(), run.jobRunId());
        try (var fields = CloseableThreadContext.put("applicationId", run.applicationId()).put("jobRunId", run.jobRunId())
                .put("cancelled", Boolean.toString(cancelled))) {
            LOG.info("cancel requested");
        }
        return cancelled;
    }
}
