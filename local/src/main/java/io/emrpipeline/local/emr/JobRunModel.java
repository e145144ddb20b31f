package io.emrpipeline.local.emr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.emrpipeline.local.events.EventPublisher;
import io.emrpipeline.local.http.Json;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * EMR Serverless job runs, modelled closely enough for the pipeline to meet what it meets on
 * AWS. moto's own job runs are SUCCESS at once, emit no events and ignore clientToken; here runs
 * go through the real lifecycle (see {@link JobRunLifecycle}), emit state-change events,
 * honour clientToken idempotency, validate like the service and can be throttled.
 * Applications stay in moto; this model only reads them.
 */
public final class JobRunModel implements AutoCloseable {

    private static final char[] ID_CHARS = "0123456789abcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ApplicationLookup applications;
    private final String accountId;
    private final JobRunLifecycle lifecycle;
    private final ApiFaults faults = new ApiFaults();
    private final Map<String, JobRun> runs = new LinkedHashMap<>();
    private final Map<String, String> jobRunIdByClientToken = new LinkedHashMap<>();

    public JobRunModel(ApplicationLookup applications, EventPublisher events, String accountId, JobRunner runner) {
        this.applications = applications;
        this.accountId = accountId;
        this.lifecycle = new JobRunLifecycle(events, runner);
    }

    public ObjectNode startJobRun(String region, String applicationId, JsonNode request) {
        faults.onCall(JobRunOperation.START_JOB_RUN);
        StartJobRunRequests.validate(request);
        ApplicationLookup.Application application = applications.find(region, applicationId)
                .orElseThrow(() -> EmrApiException.notFound("Application " + applicationId + " does not exist."));
        if ("TERMINATED".equals(application.state())) {
            throw EmrApiException.validation("Application " + applicationId + " is terminated and cannot run jobs.");
        }
        if ("CREATING".equals(application.state()) || "STOPPING".equals(application.state())) {
            throw EmrApiException.validation("Application " + applicationId + " is in " + application.state()
                    + " state and cannot accept job runs yet.");
        }
        JobRun run;
        synchronized (runs) {
            String tokenKey = applicationId + "/" + Json.text(request, "clientToken");
            String existing = jobRunIdByClientToken.get(tokenKey);
            if (existing != null) {
                return startResponse(runs.get(key(applicationId, existing)).view());
            }
            run = newRun(region, application, request);
            applications.jobSubmitted(applicationId);
            runs.put(key(applicationId, run.view().jobRunId()), run);
            jobRunIdByClientToken.put(tokenKey, run.view().jobRunId());
        }
        lifecycle.start(run);
        faults.beforeAnswer(JobRunOperation.START_JOB_RUN);
        return startResponse(run.view());
    }

    public ObjectNode getJobRun(String applicationId, String jobRunId) {
        faults.onCall(JobRunOperation.GET_JOB_RUN);
        ObjectNode response = Json.object();
        response.set("jobRun", JobRunJson.jobRun(find(applicationId, jobRunId).view(), Instant.now()));
        return response;
    }

    public ObjectNode cancelJobRun(String applicationId, String jobRunId) {
        faults.onCall(JobRunOperation.CANCEL_JOB_RUN);
        lifecycle.cancel(find(applicationId, jobRunId));
        return Json.object().put("applicationId", applicationId).put("jobRunId", jobRunId);
    }

    /** Newest first, like the service; {@code nextToken} is the index to continue from. */
    public ObjectNode listJobRuns(String applicationId, List<String> states, Integer maxResults, String nextToken) {
        faults.onCall(JobRunOperation.LIST_JOB_RUNS);
        List<JobRunView> matching = jobRuns().stream()
                .filter(run -> run.applicationId().equals(applicationId))
                .filter(run -> states.isEmpty() || states.contains(run.state().name()))
                .sorted(Comparator.comparing(JobRunView::createdAt).reversed())
                .toList();
        int from = nextToken == null ? 0 : Integer.parseInt(nextToken);
        int to = maxResults == null ? matching.size() : Math.min(matching.size(), from + maxResults);
        ObjectNode response = Json.object();
        matching.subList(from, to).forEach(run -> response.withArray("jobRuns").add(JobRunJson.summary(run)));
        response.withArray("jobRuns");
        if (to < matching.size()) {
            response.put("nextToken", Integer.toString(to));
        }
        return response;
    }

    public ObjectNode getDashboardForJobRun(String applicationId, String jobRunId) {
        faults.onCall(JobRunOperation.GET_DASHBOARD_FOR_JOB_RUN);
        JobRunView run = find(applicationId, jobRunId).view();
        return Json.object().put("url", "https://p-" + jobRunId + "-" + applicationId + ".emrappui-prod."
                + run.region() + ".amazonaws.com/shs/?authToken=local-" + RANDOM.nextInt(1_000_000));
    }

    /** Every job run, oldest first, as tests inspect them. */
    public List<JobRunView> jobRuns() {
        synchronized (runs) {
            return runs.values().stream().map(JobRun::view).toList();
        }
    }

    public Optional<JobRunView> jobRun(String applicationId, String jobRunId) {
        synchronized (runs) {
            return Optional.ofNullable(runs.get(key(applicationId, jobRunId))).map(JobRun::view);
        }
    }

    public ApiFaults faults() {
        return faults;
    }

    public void setRunner(JobRunner runner) {
        lifecycle.setRunner(runner);
    }

    public void setTimings(JobRunTimings timings) {
        lifecycle.setTimings(timings);
    }

    /** The application's {@code maxConcurrentRuns}: runs past it wait in QUEUED (unlimited unless set). */
    public void setMaxConcurrentRuns(String applicationId, int limit) {
        lifecycle.setMaxConcurrentRuns(applicationId, limit);
    }

    /** Fault: after each terminal event, a late RUNNING event for the same run (events are unordered). */
    public void setEmitStaleRunningEventAfterTerminal(boolean on) {
        lifecycle.setStaleRunningAfterTerminal(on);
    }

    /** Forgets every run (their runners are interrupted and they emit nothing more), counters and knobs. */
    public void reset() {
        synchronized (runs) {
            runs.values().forEach(JobRun::discard);
            runs.clear();
            jobRunIdByClientToken.clear();
        }
        faults.reset();
        lifecycle.resetConcurrency();
        lifecycle.setTimings(JobRunTimings.fast());
        lifecycle.setStaleRunningAfterTerminal(false);
    }

    private JobRun find(String applicationId, String jobRunId) {
        synchronized (runs) {
            JobRun run = runs.get(key(applicationId, jobRunId));
            if (run == null) {
                throw EmrApiException.notFound("Job run " + jobRunId + " does not exist.");
            }
            return run;
        }
    }

    private JobRun newRun(String region, ApplicationLookup.Application application, JsonNode request) {
        String jobRunId = "00" + randomId(14);
        String arn = "arn:aws:emr-serverless:" + region + ":" + accountId + ":/applications/"
                + application.applicationId() + "/jobruns/" + jobRunId;
        String createdBy = "arn:aws:sts::" + accountId + ":assumed-role/local-gateway/local";
        JobRunView identity = new JobRunView(region, accountId, application.applicationId(), jobRunId,
                Json.text(request, "name"), arn, createdBy, Json.text(request, "executionRoleArn"),
                application.releaseLabel(), request.deepCopy(), Instant.now(), null, JobRunState.SUBMITTED, null,
                null, null, null, 1, null);
        return new JobRun(identity, StartJobRunRequests.spec(identity));
    }

    private static ObjectNode startResponse(JobRunView run) {
        return Json.object().put("applicationId", run.applicationId()).put("jobRunId", run.jobRunId())
                .put("arn", run.arn());
    }

    private static String key(String applicationId, String jobRunId) {
        return applicationId + "/" + jobRunId;
    }

    private static String randomId(int length) {
        StringBuilder id = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            id.append(ID_CHARS[RANDOM.nextInt(ID_CHARS.length)]);
        }
        return id.toString();
    }

    @Override
    public void close() {
        lifecycle.close();
    }
}
