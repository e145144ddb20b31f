package io.emrpipeline.core.fakes;

import io.emrpipeline.aws.SdkEmrServerless;
import io.emrpipeline.config.PipelineConfig;
import io.emrpipeline.core.Callbacks;
import io.emrpipeline.core.JobRunCanceller;
import io.emrpipeline.core.JobRunCompletion;
import io.emrpipeline.core.JobRunSubmitter;
import io.emrpipeline.core.RunRecords;
import io.emrpipeline.handlers.Pipeline;
import java.util.Optional;
import java.util.Set;

/**
 * The handlers' real composition root ({@code handlers.Pipeline}) over in-memory fakes of its
 * ports: EMR Serverless behind the real SDK adapter, the bucket, Step Functions' task tokens and
 * the event bus. One per test.
 */
public final class FakePipeline {

    public static final String BUCKET = "emr-pipeline-jobs-" + FakeEmrServerless.ACCOUNT;
    public static final String ROLE = "arn:aws:iam::" + FakeEmrServerless.ACCOUNT + ":role/emr-job-role";
    public static final String DEFAULT_LOG_URI = "s3://" + BUCKET + "/logs/";

    private final FakeEmrServerless emr = new FakeEmrServerless();
    private final InMemoryObjectStore bucket = new InMemoryObjectStore(BUCKET);
    private final RecordingTaskCallbacks tasks = new RecordingTaskCallbacks();
    private final RecordingDomainEvents events = new RecordingDomainEvents();
    private final RunRecords runRecords = new RunRecords(bucket);
    private final Callbacks callbacks = new Callbacks(bucket);
    private final Pipeline pipeline;

    public FakePipeline() {
        PipelineConfig config = new PipelineConfig(FakeEmrServerless.REGION, Optional.empty(), BUCKET, Set.of(ROLE),
                Optional.of(ROLE), false, Optional.of("emr-pipeline-events"), Optional.empty());
        pipeline = new Pipeline(config, new Pipeline.Ports(new SdkEmrServerless(emr), bucket, tasks, events));
    }

    /** The handlers' composition root, wired over these fakes exactly as in Lambda. */
    public Pipeline pipeline() {
        return pipeline;
    }

    public FakeEmrServerless emr() {
        return emr;
    }

    public InMemoryObjectStore bucket() {
        return bucket;
    }

    public RecordingTaskCallbacks tasks() {
        return tasks;
    }

    public RecordingDomainEvents events() {
        return events;
    }

    public RunRecords runRecords() {
        return runRecords;
    }

    public Callbacks callbacks() {
        return callbacks;
    }

    public JobRunSubmitter submitter() {
        return pipeline.submitter();
    }

    public JobRunCompletion completion() {
        return pipeline.completion();
    }

    public JobRunCanceller canceller() {
        return pipeline.canceller();
    }
}
