package io.emrpipeline.handlers;

import io.emrpipeline.aws.AwsClients;
import io.emrpipeline.aws.EventBridgeDomainEvents;
import io.emrpipeline.aws.S3ObjectStore;
import io.emrpipeline.aws.SdkEmrServerless;
import io.emrpipeline.aws.SfnTaskCallbacks;
import io.emrpipeline.config.PipelineConfig;
import io.emrpipeline.core.ApplicationResolver;
import io.emrpipeline.core.Callbacks;
import io.emrpipeline.core.DomainEvents;
import io.emrpipeline.core.EntrypointStager;
import io.emrpipeline.core.JobRequestValidator;
import io.emrpipeline.core.JobRunCanceller;
import io.emrpipeline.core.JobRunCompletion;
import io.emrpipeline.core.JobRunEvents;
import io.emrpipeline.core.JobRunOutcomes;
import io.emrpipeline.core.JobRunSubmitter;
import io.emrpipeline.core.Links;
import io.emrpipeline.core.RoleRules;
import io.emrpipeline.core.RunRecords;
import io.emrpipeline.core.ObjectStore;
import io.emrpipeline.core.EmrServerlessApi;

/**
 * The composition root: builds the domain services of one container from its configuration.
 * Every handler's no-arg constructor (what Lambda calls) uses {@link #fromEnvironment()}; tests
 * and the local gateway build one from a {@link PipelineConfig} they choose.
 */
public final class Pipeline {

    private static volatile Pipeline fromEnvironment;

    private final JobRunSubmitter submitter;
    private final JobRunCompletion completion;
    private final JobRunCanceller canceller;

    public Pipeline(PipelineConfig config) {
        AwsClients clients = new AwsClients(config);
        EmrServerlessApi emr = new SdkEmrServerless(clients.emrServerless());
        ObjectStore bucket = new S3ObjectStore(clients.s3(), config.jobBucket());
        DomainEvents domainEvents = config.eventBusName()
                .<DomainEvents>map(bus -> new EventBridgeDomainEvents(clients.eventBridge(), bus))
                .orElse(DomainEvents.NONE);
        JobRunEvents events = new JobRunEvents(domainEvents);
        Links links = new Links(config.region(), config.objectLinkBase());
        RunRecords runs = new RunRecords(bucket);

        this.submitter = new JobRunSubmitter(
                new JobRequestValidator(),
                new RoleRules(config.allowedExecutionRoleArns(), config.defaultExecutionRoleArn()),
                new ApplicationResolver(emr, config.allowCreateApplication()),
                new EntrypointStager(bucket, EntrypointStager.bundledBootstrap()),
                emr, runs, links, events, config.defaultLogUri());
        this.completion = new JobRunCompletion(emr, new Callbacks(bucket),
                new SfnTaskCallbacks(clients.stepFunctions()), new JobRunOutcomes(links), events);
        this.canceller = new JobRunCanceller(runs, emr);
    }

    /** One per container, built on first use from the environment (fails the cold start on bad settings). */
    public static Pipeline fromEnvironment() {
        if (fromEnvironment == null) {
            synchronized (Pipeline.class) {
                if (fromEnvironment == null) {
                    fromEnvironment = new Pipeline(PipelineConfig.fromEnvironment());
                }
            }
        }
        return fromEnvironment;
    }

    public JobRunSubmitter submitter() {
        return submitter;
    }

    public JobRunCompletion completion() {
        return completion;
    }

    public JobRunCanceller canceller() {
        return canceller;
    }
}
