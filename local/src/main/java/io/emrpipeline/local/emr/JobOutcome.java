package io.emrpipeline.local.emr;

/**
 * How a job run's RUNNING phase ended.
 *
 * @param stateDetails what EMR Serverless would put in the job run's stateDetails (null on success)
 */
public record JobOutcome(boolean succeeded, String stateDetails) {

    public static JobOutcome success() {
        return new JobOutcome(true, null);
    }

    public static JobOutcome failure(String stateDetails) {
        return new JobOutcome(false, stateDetails);
    }
}
