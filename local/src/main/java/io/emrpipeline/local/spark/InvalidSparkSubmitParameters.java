package io.emrpipeline.local.spark;

/** sparkSubmitParameters that spark-submit would refuse; the job run fails with this message. */
public final class InvalidSparkSubmitParameters extends IllegalArgumentException {

    public InvalidSparkSubmitParameters(String message) {
        super(message);
    }
}
