package io.emrpipeline.local.emr;

/**
 * A runner that can say, at StartJobRun, that a run should go through its whole lifecycle inside
 * the StartJobRun request, events delivered before the response: a job that is terminal before
 * its caller has even stored the job run id.
 */
public interface InlineJobRunner extends JobRunner {

    boolean completesInline(JobRunSpec spec);
}
