package io.emrpipeline.core;

import io.emrpipeline.errors.TransientAwsError;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import software.amazon.awssdk.services.emrserverless.model.JobRunSummary;

/**
 * Cancels the job run an execution owns, so no job outlives its execution: used when an execution
 * is stopped or times out (CancelOnAbort) and on the state machine's failure paths. It first marks
 * the execution's run record stopped (creating it if the submit has not written it yet), so a
 * submit still in flight cancels what it starts; then it cancels what already runs.
 */
public final class JobRunCanceller {

    // Lines carry the execution name from the log context the handler set.
    private static final Logger LOG = LogManager.getLogger(JobRunCanceller.class);

    private final RunRecords runs;
    private final EmrServerlessApi emr;
    private final JobRunStopper stopper;

    public JobRunCanceller(RunRecords runs, EmrServerlessApi emr, JobRunStopper stopper) {
        this.runs = runs;
        this.emr = emr;
        this.stopper = stopper;
    }

    /** @return the ids of the job runs this call cancelled (empty when there was nothing to cancel) */
    public List<String> cancelFor(String executionName) {
        RunRecords.RunRecord record = markStopped(executionName);
        if (record.applicationId() == null) {
            LOG.info("the execution had submitted nothing; a submit that starts now finds it stopped");
            return List.of();
        }
        List<String> cancelled = new ArrayList<>();
        for (String jobRunId : jobRunIds(record)) {
            if (stopper.stopStarted(new JobRunKey(record.applicationId(), jobRunId), record.executionArn())) {
                cancelled.add(jobRunId);
            }
        }
        return cancelled;
    }

    private RunRecords.RunRecord markStopped(String executionName) {
        for (int attempt = 0; attempt < 5; attempt++) {
            Optional<RunRecords.RunRecord> existing = runs.find(executionName);
            if (existing.isPresent() && existing.get().stopRequested()) {
                return existing.get();
            }
            Optional<RunRecords.RunRecord> marked = runs.writeOver(existing,
                    existing.map(RunRecords.RunRecord::stopped).orElseGet(() -> RunRecords.stoppedBeforeSubmit(executionName)));
            if (marked.isPresent()) {
                return marked.get();
            }
        }
        throw new TransientAwsError("marking the run record stopped", new IllegalStateException("it kept changing"));
    }

    /** The recorded run, or — when StartJobRun's answer was never recorded — the active runs of that name. */
    private List<String> jobRunIds(RunRecords.RunRecord record) {
        if (record.jobRunId() != null) {
            return List.of(record.jobRunId());
        }
        List<String> ids = new ArrayList<>();
        for (JobRunSummary summary : emr.listActiveJobRuns(record.applicationId())) {
            if (record.jobRunName().equals(summary.name())) {
                ids.add(summary.id());
            }
        }
        return ids;
    }
}
