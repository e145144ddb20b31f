package io.emrpipeline.core.fakes;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.emrserverless.EmrServerlessClient;
import software.amazon.awssdk.services.emrserverless.model.Application;
import software.amazon.awssdk.services.emrserverless.model.ApplicationState;
import software.amazon.awssdk.services.emrserverless.model.ApplicationSummary;
import software.amazon.awssdk.services.emrserverless.model.CancelJobRunRequest;
import software.amazon.awssdk.services.emrserverless.model.CancelJobRunResponse;
import software.amazon.awssdk.services.emrserverless.model.GetApplicationRequest;
import software.amazon.awssdk.services.emrserverless.model.GetApplicationResponse;
import software.amazon.awssdk.services.emrserverless.model.GetJobRunRequest;
import software.amazon.awssdk.services.emrserverless.model.GetJobRunResponse;
import software.amazon.awssdk.services.emrserverless.model.JobRun;
import software.amazon.awssdk.services.emrserverless.model.JobRunState;
import software.amazon.awssdk.services.emrserverless.model.JobRunSummary;
import software.amazon.awssdk.services.emrserverless.model.ListApplicationsRequest;
import software.amazon.awssdk.services.emrserverless.model.ListApplicationsResponse;
import software.amazon.awssdk.services.emrserverless.model.ListJobRunsRequest;
import software.amazon.awssdk.services.emrserverless.model.ListJobRunsResponse;
import software.amazon.awssdk.services.emrserverless.model.StartJobRunRequest;
import software.amazon.awssdk.services.emrserverless.model.StartJobRunResponse;

/**
 * EMR Serverless in memory, behind the SDK's own client interface, so the pipeline's real
 * adapter ({@code SdkEmrServerless}) and its error translation run unchanged on top. It answers
 * the way the service does: StartJobRun returns the same job for the same clientToken, unknown
 * ids are ResourceNotFoundException, CancelJobRun of an ended run is ValidationException, and
 * ListJobRuns pages. {@link #failNext} and {@link #failAfterNext} inject the SDK's failures.
 */
public final class FakeEmrServerless implements EmrServerlessClient {

    public static final String ACCOUNT = "111122223333";
    public static final String REGION = "eu-west-1";
    static final Instant CREATED_AT = Instant.parse("2026-11-20T10:00:00Z");
    private static final Set<JobRunState> ENDED = Set.of(JobRunState.SUCCESS, JobRunState.FAILED, JobRunState.CANCELLED);
    private static final int PAGE_SIZE = 2;

    private final Map<String, Application> applications = new LinkedHashMap<>();
    private final Map<String, JobRun> jobRuns = new LinkedHashMap<>();
    private final Map<String, String> jobRunIdByClientToken = new HashMap<>();
    private final List<String> cancelRequests = new ArrayList<>();
    private final Map<String, Deque<SdkException>> failuresBefore = new HashMap<>();
    private final Map<String, Deque<SdkException>> failuresAfter = new HashMap<>();
    private final Map<String, Integer> calls = new HashMap<>();
    private Runnable duringStartJobRun = () -> { };

    public FakeEmrServerless withApplication(String id, String name, ApplicationState state) {
        applications.put(id, Application.builder().applicationId(id).name(name).state(state)
                .releaseLabel("emr-7.9.0").type("SPARK").build());
        return this;
    }

    /** A job run that exists already, started by someone or something else. */
    public FakeEmrServerless withJobRun(String applicationId, String jobRunId, String name, JobRunState state) {
        jobRuns.put(key(applicationId, jobRunId), newJobRun(applicationId, jobRunId, name).state(state).build());
        return this;
    }

    /** The run moves on, as EMR Serverless moves it. */
    public void moveTo(String applicationId, String jobRunId, JobRunState state, String stateDetails) {
        JobRun run = jobRun(applicationId, jobRunId);
        jobRuns.put(key(applicationId, jobRunId), run.toBuilder().state(state).stateDetails(stateDetails)
                .updatedAt(CREATED_AT.plusSeconds(300)).endedAt(ENDED.contains(state) ? CREATED_AT.plusSeconds(300) : null)
                .build());
    }

    public JobRun jobRun(String applicationId, String jobRunId) {
        JobRun run = jobRuns.get(key(applicationId, jobRunId));
        if (run == null) {
            throw SdkFailures.notFound("Job run " + jobRunId + " does not exist in application " + applicationId);
        }
        return run;
    }

    public List<JobRun> jobRuns() {
        return List.copyOf(jobRuns.values());
    }

    /** Job run ids of every CancelJobRun the service accepted, in order. */
    public List<String> cancelRequests() {
        return List.copyOf(cancelRequests);
    }

    /** Runs inside the next StartJobRun, once the call has left the caller and before EMR creates the run. */
    public void duringNextStartJobRun(Runnable action) {
        duringStartJobRun = action;
    }

    /** How many times {@code operation} was called. */
    public synchronized int calls(String operation) {
        return calls.getOrDefault(operation, 0);
    }

    /** The next call of {@code operation} fails with {@code failure} and has no effect. */
    public void failNext(String operation, SdkException failure) {
        failuresBefore.computeIfAbsent(operation, name -> new ArrayDeque<>()).add(failure);
    }

    /** The next call of {@code operation} takes effect, but its answer is lost: the caller sees {@code failure}. */
    public void failAfterNext(String operation, SdkException failure) {
        failuresAfter.computeIfAbsent(operation, name -> new ArrayDeque<>()).add(failure);
    }

    @Override
    public GetApplicationResponse getApplication(GetApplicationRequest request) {
        injectFailure(failuresBefore, "GetApplication");
        Application application = applications.get(request.applicationId());
        if (application == null) {
            throw SdkFailures.notFound("Application " + request.applicationId() + " does not exist");
        }
        return GetApplicationResponse.builder().application(application).build();
    }

    @Override
    public ListApplicationsResponse listApplications(ListApplicationsRequest request) {
        injectFailure(failuresBefore, "ListApplications");
        List<ApplicationSummary> summaries = applications.values().stream()
                .filter(application -> !request.hasStates() || request.states().contains(application.state()))
                .map(application -> ApplicationSummary.builder().id(application.applicationId())
                        .name(application.name()).state(application.state()).build())
                .toList();
        return ListApplicationsResponse.builder().applications(summaries).build();
    }

    @Override
    public StartJobRunResponse startJobRun(StartJobRunRequest request) {
        count("StartJobRun");
        injectFailure(failuresBefore, "StartJobRun");
        Runnable during = duringStartJobRun;
        duringStartJobRun = () -> { };
        during.run();
        if (!applications.containsKey(request.applicationId())) {
            throw SdkFailures.notFound("Application " + request.applicationId() + " does not exist");
        }
        String jobRunId = jobRunIdByClientToken.computeIfAbsent(request.clientToken(), token -> {
            String id = String.format("00fjobrun%07d", jobRuns.size() + 1);
            jobRuns.put(key(request.applicationId(), id), newJobRun(request.applicationId(), id, request.name())
                    .state(JobRunState.SUBMITTED)
                    .executionRole(request.executionRoleArn())
                    .jobDriver(request.jobDriver())
                    .configurationOverrides(request.configurationOverrides())
                    .executionTimeoutMinutes(request.executionTimeoutMinutes())
                    .retryPolicy(request.retryPolicy())
                    .mode(request.mode())
                    .executionIamPolicy(request.executionIamPolicy())
                    .tags(request.tags())
                    .build());
            return id;
        });
        injectFailure(failuresAfter, "StartJobRun");
        JobRun run = jobRun(request.applicationId(), jobRunId);
        return StartJobRunResponse.builder().applicationId(run.applicationId()).jobRunId(run.jobRunId()).arn(run.arn()).build();
    }

    @Override
    public GetJobRunResponse getJobRun(GetJobRunRequest request) {
        count("GetJobRun");
        injectFailure(failuresBefore, "GetJobRun");
        return GetJobRunResponse.builder().jobRun(jobRun(request.applicationId(), request.jobRunId())).build();
    }

    @Override
    public CancelJobRunResponse cancelJobRun(CancelJobRunRequest request) {
        injectFailure(failuresBefore, "CancelJobRun");
        JobRun run = jobRun(request.applicationId(), request.jobRunId());
        if (ENDED.contains(run.state())) {
            throw SdkFailures.validation("Job run " + run.jobRunId() + " is in state " + run.state()
                    + " and cannot be cancelled");
        }
        cancelRequests.add(run.jobRunId());
        moveTo(run.applicationId(), run.jobRunId(), JobRunState.CANCELLING, "Job run cancellation requested");
        return CancelJobRunResponse.builder().applicationId(run.applicationId()).jobRunId(run.jobRunId()).build();
    }

    @Override
    public ListJobRunsResponse listJobRuns(ListJobRunsRequest request) {
        injectFailure(failuresBefore, "ListJobRuns");
        if (!applications.containsKey(request.applicationId())) {
            throw SdkFailures.notFound("Application " + request.applicationId() + " does not exist");
        }
        List<JobRunSummary> matching = jobRuns.values().stream()
                .filter(run -> run.applicationId().equals(request.applicationId()))
                .filter(run -> !request.hasStates() || request.states().contains(run.state()))
                .map(FakeEmrServerless::summary)
                .toList();
        int from = request.nextToken() == null ? 0 : Integer.parseInt(request.nextToken());
        int to = Math.min(from + PAGE_SIZE, matching.size());
        return ListJobRunsResponse.builder().jobRuns(matching.subList(from, to))
                .nextToken(to < matching.size() ? Integer.toString(to) : null).build();
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public void close() {
    }

    private static JobRun.Builder newJobRun(String applicationId, String jobRunId, String name) {
        return JobRun.builder().applicationId(applicationId).jobRunId(jobRunId).name(name)
                .arn("arn:aws:emr-serverless:" + REGION + ":" + ACCOUNT + ":/applications/" + applicationId + "/jobruns/" + jobRunId)
                .createdBy("arn:aws:sts::" + ACCOUNT + ":assumed-role/emr-pipeline-submit/submit-job-run")
                .releaseLabel("emr-7.9.0").createdAt(CREATED_AT).updatedAt(CREATED_AT);
    }

    private static JobRunSummary summary(JobRun run) {
        return JobRunSummary.builder().applicationId(run.applicationId()).id(run.jobRunId()).name(run.name())
                .arn(run.arn()).state(run.state()).stateDetails(run.stateDetails()).createdAt(run.createdAt())
                .updatedAt(run.updatedAt()).createdBy(run.createdBy()).releaseLabel(run.releaseLabel()).build();
    }

    private static void injectFailure(Map<String, Deque<SdkException>> failures, String operation) {
        Deque<SdkException> queued = failures.get(operation);
        if (queued != null && !queued.isEmpty()) {
            throw queued.poll();
        }
    }

    private static String key(String applicationId, String jobRunId) {
        return applicationId + "/" + jobRunId;
    }

    private synchronized void count(String operation) {
        calls.merge(operation, 1, Integer::sum);
    }
}
