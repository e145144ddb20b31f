package io.emrpipeline.local.emr;

/** The EMR Serverless job-run APIs the gateway serves, by their AWS operation names. */
public enum JobRunOperation {
    START_JOB_RUN("StartJobRun"),
    GET_JOB_RUN("GetJobRun"),
    CANCEL_JOB_RUN("CancelJobRun"),
    LIST_JOB_RUNS("ListJobRuns"),
    GET_DASHBOARD_FOR_JOB_RUN("GetDashboardForJobRun");

    private final String apiName;

    JobRunOperation(String apiName) {
        this.apiName = apiName;
    }

    public String apiName() {
        return apiName;
    }
}
