package io.emrpipeline.local.emr;

import io.emrpipeline.contract.Contract;

/** EMR Serverless job-run states (the API's JobRunState enum); QUEUED only under an application's concurrency limit. */
public enum JobRunState {
    SUBMITTED, QUEUED, PENDING, SCHEDULED, RUNNING, SUCCESS, FAILED, CANCELLING, CANCELLED;

    public boolean isTerminal() {
        return Contract.get().isTerminal(name());
    }
}
