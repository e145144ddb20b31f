package io.emrpipeline.core;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.emrserverless.model.JobRunSummary;

/**
 * Cancels the job run an execution owns, so no job outlives its execution: used when an
 * execution is stopped or times out (CancelOnAbort) and on the state machine's failure paths.
 */
public final class JobRunCanceller {

    private static final Log LOG = Log.of(JobRunCanceller.class);

    private final RunRecords runs;
    private final EmrServerlessApi emr;

    public JobRunCanceller(RunRecords runs, EmrServerlessApi emr) {
        this.runs = runs;
        this.emr = emr;
    }

    /** @return the ids of the job runs this call cancelled (empty when there was nothing to cancel) */
    public List<String> cancelFor(String executionName) {
        var record = runs.find(executionName);
        if (record.isEmpty()) {
            LOG.info("no run record: the execution never submitted a job", "executionName", executionName);
            return List.of();
        }
        String applicationId = record.get().applicationId();
        List<String> jobRunIds = new ArrayList<>();
        if (record.get().jobRunId() != null) {
            jobRunIds.add(record.get().jobRunId());
        } else {
            // StartJobRun may have succeeded without its answer being recorded: find the run by name.
            for (JobRunSummary summary : emr.listActiveJobRuns(applicationId)) {
                if (record.get().jobRunName().equals(summary.name())) {
                    jobRunIds.add(summary.id());
                }
            }
        }
        List<String> cancelled = new ArrayList<>();
        for (String jobRunId : jobRunIds) {
            if (emr.cancelJobRun(applicationId, jobRunId)) {
                cancelled.add(jobRunId);
            }
            LOG.info("cancel requested", "executionName", executionName, "applicationId", applicationId, "jobRunId", jobRunId);
        }
        return cancelled;
    }
}
