package io.emrpipeline.local.emr;

import io.emrpipeline.contract.Contract;

/** EMR Serverless job-run states (the API's JobRunState enum, minus QUEUED, which needs concurrency limits). */
public enum JobRunState {
    SUBMITTED, PENDING, SCHEDULED, RUNNING, SUCCESS, FAILED, CANCELLING, CANCELLED;

    public boolean isTerminal() {
        return Contract.get().isTerminal(name());
    }
}
