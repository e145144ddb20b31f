package io.emrpipeline.core;

import java.util.ArrayList;
import java.util.List;
import org.apache.logging.log4j.CloseableThreadContext;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import software.amazon.awssdk.services.emrserverless.model.JobRunSummary;

/**
 * Cancels the job run an execution owns, so no job outlives its execution: used when an
 * execution is stopped or times out (CancelOnAbort) and on the state machine's failure paths.
 */
public final class JobRunCanceller {

    // Lines carry the execution name from the log context the handler set.
    private static final Logger LOG = LogManager.getLogger(JobRunCanceller.class);

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
            LOG.info("no run record: the execution never submitted a job");
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
            try (var fields = CloseableThreadContext.put("applicationId", applicationId).put("jobRunId", jobRunId)) {
                LOG.info("cancel requested");
            }
        }
        return cancelled;
    }
}
