package io.emrpipeline.aws;

import io.emrpipeline.contract.Contract;
import io.emrpipeline.core.EmrServerlessApi;
import io.emrpipeline.core.JobRunOutcomes;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.emrserverless.EmrServerlessClient;
import software.amazon.awssdk.services.emrserverless.model.Application;
import software.amazon.awssdk.services.emrserverless.model.ApplicationState;
import software.amazon.awssdk.services.emrserverless.model.ApplicationSummary;
import software.amazon.awssdk.services.emrserverless.model.CreateApplicationRequest;
import software.amazon.awssdk.services.emrserverless.model.JobRun;
import software.amazon.awssdk.services.emrserverless.model.JobRunState;
import software.amazon.awssdk.services.emrserverless.model.JobRunSummary;
import software.amazon.awssdk.services.emrserverless.model.ResourceNotFoundException;
import software.amazon.awssdk.services.emrserverless.model.StartJobRunRequest;
import software.amazon.awssdk.services.emrserverless.model.StartJobRunResponse;
import software.amazon.awssdk.services.emrserverless.model.ValidationException;

/** {@link EmrServerlessApi} over the AWS SDK. */
public final class SdkEmrServerless implements EmrServerlessApi {

    private static final List<JobRunState> ACTIVE = Contract.get().waitingStates().stream()
            .map(JobRunState::fromValue).toList();

    private final EmrServerlessClient client;

    public SdkEmrServerless(EmrServerlessClient client) {
        this.client = client;
    }

    @Override
    public Optional<Application> getApplication(String applicationId) {
        try {
            return Optional.of(call("GetApplication", () -> client.getApplication(r -> r.applicationId(applicationId)).application()));
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        }
    }

    @Override
    public List<ApplicationSummary> listLiveApplications() {
        return call("ListApplications", () -> client.listApplicationsPaginator(r -> r.maxResults(50)).applications().stream()
                .filter(application -> application.state() != ApplicationState.TERMINATED)
                .toList());
    }

    @Override
    public String createApplication(CreateApplicationRequest request) {
        return callRefusable("CreateApplication", () -> client.createApplication(request).applicationId());
    }

    @Override
    public void startApplication(String applicationId) {
        call("StartApplication", () -> client.startApplication(r -> r.applicationId(applicationId)));
    }

    @Override
    public StartJobRunResponse startJobRun(StartJobRunRequest request) {
        return callRefusable("StartJobRun", () -> client.startJobRun(request));
    }

    @Override
    public JobRun getJobRun(String applicationId, String jobRunId) {
        return call("GetJobRun", () -> client.getJobRun(r -> r.applicationId(applicationId).jobRunId(jobRunId)).jobRun());
    }

    @Override
    public boolean cancelJobRun(String applicationId, String jobRunId) {
        try {
            call("CancelJobRun", () -> client.cancelJobRun(r -> r.applicationId(applicationId).jobRunId(jobRunId)));
            return true;
        } catch (ValidationException e) {
            // EMR Serverless refuses to cancel a run that already ended: nothing left to stop.
            if (JobRunOutcomes.isTerminal(getJobRun(applicationId, jobRunId).state())) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public List<JobRunSummary> listActiveJobRuns(String applicationId) {
        return call("ListJobRuns", () -> client.listJobRunsPaginator(r -> r.applicationId(applicationId).states(ACTIVE))
                .jobRuns().stream().toList());
    }

    /** A call that starts something: EMR's permanent refusals fail at once under their own names. */
    private static <T> T callRefusable(String operation, Supplier<T> call) {
        try {
            return call.get();
        } catch (SdkException e) {
            throw AwsErrors.translateRefusal(operation, e);
        }
    }

    private static <T> T call(String operation, Supplier<T> call) {
        try {
            return call.get();
        } catch (ResourceNotFoundException | ValidationException e) {
            throw e;
        } catch (SdkException e) {
            throw AwsErrors.translate(operation, e);
        }
    }
}
