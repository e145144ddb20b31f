package io.emrpipeline.core;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.logging.log4j.CloseableThreadContext;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import software.amazon.awssdk.services.emrserverless.model.JobRunSummary;

/**
 * Finds job run ends whose event was lost, once per deployment on a schedule (not per execution):
 * for each application with stored waits, one listing of the runs still active; a wait whose run
 * is not among them has ended — one GetJobRun for it, then it is finished like any other end. Its
 * cost grows with applications and active runs, never with how long jobs run.
 */
public final class ReconcileSweep {

    private static final Logger LOG = LogManager.getLogger(ReconcileSweep.class);

    private final Callbacks callbacks;
    private final EmrServerlessApi emr;
    private final JobRunCompletion completion;

    public ReconcileSweep(Callbacks callbacks, EmrServerlessApi emr, JobRunCompletion completion) {
        this.callbacks = callbacks;
        this.emr = emr;
        this.completion = completion;
    }

    /** @return what one sweep saw and did: applications, waits, ended runs and the action for each */
    public ObjectNode sweep() {
        Map<String, List<JobRunKey>> waitsByApplication = callbacks.all().stream()
                .collect(Collectors.groupingBy(JobRunKey::applicationId, LinkedHashMap::new, Collectors.toList()));
        Map<String, Integer> actions = new LinkedHashMap<>();
        int ended = 0;
        for (var entry : waitsByApplication.entrySet()) {
            Set<String> active = emr.listActiveJobRuns(entry.getKey()).stream().map(JobRunSummary::id)
                    .collect(Collectors.toSet());
            for (JobRunKey run : entry.getValue()) {
                if (!active.contains(run.jobRunId())) {
                    ended++;
                    actions.merge(completion.sweep(run).name(), 1, Integer::sum);
                }
            }
        }
        ObjectNode report = Json.object()
                .put("applications", waitsByApplication.size())
                .put("waits", waitsByApplication.values().stream().mapToInt(List::size).sum())
                .put("ended", ended);
        actions.forEach(report.putObject("actions")::put);
        try (var fields = CloseableThreadContext.put("report", report.toString())) {
            LOG.info("swept stored waits");
        }
        return report;
    }
}
