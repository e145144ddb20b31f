package io.emrpipeline.core;

import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.emrserverless.model.Application;
import software.amazon.awssdk.services.emrserverless.model.ApplicationSummary;
import software.amazon.awssdk.services.emrserverless.model.CreateApplicationRequest;
import software.amazon.awssdk.services.emrserverless.model.JobRun;
import software.amazon.awssdk.services.emrserverless.model.JobRunSummary;
import software.amazon.awssdk.services.emrserverless.model.StartJobRunRequest;
import software.amazon.awssdk.services.emrserverless.model.StartJobRunResponse;

/**
 * The EMR Serverless calls the domain makes. Implementations translate throttling and transient
 * failures into {@link io.emrpipeline.errors.EmrThrottled} and
 * {@link io.emrpipeline.errors.TransientAwsError}.
 */
public interface EmrServerlessApi {

    Optional<Application> getApplication(String applicationId);

    /** Applications not TERMINATED, every page. */
    List<ApplicationSummary> listLiveApplications();

    String createApplication(CreateApplicationRequest request);

    /** StartApplication: brings up the application's pre-initialized capacity (STARTING, then STARTED). */
    void startApplication(String applicationId);

    StartJobRunResponse startJobRun(StartJobRunRequest request);

    JobRun getJobRun(String applicationId, String jobRunId);

    /** Cancels a job run; returns false when it was already in a terminal state. */
    boolean cancelJobRun(String applicationId, String jobRunId);

    /** Job runs of the application that have not reached a terminal state. */
    List<JobRunSummary> listActiveJobRuns(String applicationId);
}
