package io.emrpipeline.cli;

import io.emrpipeline.local.emr.JobOutcome;
import io.emrpipeline.local.emr.JobRunSpec;
import io.emrpipeline.local.emr.JobRunner;

/**
 * Real Spark for real scripts, and no Spark where a test only needs a job to last or to fail:
 * an entry point under {@code s3://.../simulated/} runs nothing — {@code forever.py} until it is
 * cancelled, {@code fails.py} fails at once with EMR's words — so one pipeline serves the whole class.
 */
final class RoutedJobs implements JobRunner {

    static final String SIMULATED = "/simulated/";
    static final String FAILURE = "Job failed, please check complete logs in configured logging destination. ExitCode: 1. "
            + "Last few exceptions: ZeroDivisionError: division by zero";

    private final JobRunner spark;

    RoutedJobs(JobRunner spark) {
        this.spark = spark;
    }

    @Override
    public JobOutcome run(JobRunSpec spec) throws InterruptedException {
        if (!spec.entryPoint().contains(SIMULATED)) {
            return spark.run(spec);
        }
        if (spec.entryPoint().endsWith("forever.py")) {
            // Until CancelJobRun interrupts this thread.
            Thread.sleep(Long.MAX_VALUE);
        }
        return spec.entryPoint().endsWith("fails.py") ? JobOutcome.failure(FAILURE) : JobOutcome.success();
    }
}
