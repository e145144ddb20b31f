package io.emrpipeline.local.emr;

/**
 * Runs the body of one local job run: the part EMR Serverless spends in RUNNING.
 *
 * <p>The job-run model drives SUBMITTED → PENDING → SCHEDULED → RUNNING itself, then hands the
 * run to a runner and turns its {@link JobOutcome} into SUCCESS or FAILED. Cancellation interrupts
 * the calling thread: a runner must stop its work (kill its process) and return or throw promptly.
 */
public interface JobRunner {

    JobOutcome run(JobRunSpec spec) throws InterruptedException;
}
