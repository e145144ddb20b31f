package io.emrpipeline.handlers;

import io.emrpipeline.aws.AwsClients;
import io.emrpipeline.aws.EventBridgeDomainEvents;
import io.emrpipeline.aws.S3ObjectStore;
import io.emrpipeline.aws.SdkEmrServerless;
import io.emrpipeline.aws.SfnTaskCallbacks;
import io.emrpipeline.config.PipelineConfig;
import io.emrpipeline.core.ApplicationResolver;
import io.emrpipeline.core.Callbacks;
import io.emrpipeline.core.Claims;
import io.emrpipeline.core.DomainEvents;
import io.emrpipeline.core.EmrServerlessApi;
import io.emrpipeline.core.EntrypointStager;
import io.emrpipeline.core.JobRequestValidator;
import io.emrpipeline.core.JobRunCanceller;
import io.emrpipeline.core.JobRunCompletion;
import io.emrpipeline.core.JobRunEvents;
import io.emrpipeline.core.JobRunOutcomes;
import io.emrpipeline.core.JobRunStopper;
import io.emrpipeline.core.JobRunSubmitter;
import io.emrpipeline.core.Links;
import io.emrpipeline.core.ObjectStore;
import io.emrpipeline.core.ReconcileSweep;
import io.emrpipeline.core.RoleRules;
import io.emrpipeline.core.RunRecords;
import io.emrpipeline.core.TaskCallbacks;
import java.time.Clock;

/**
 * The composition root: builds the domain services of one container from its configuration.
 * Every handler's no-arg constructor (what Lambda calls) uses {@link #fromEnvironment()}; the
 * unit tests build one over in-memory {@link Ports}.
 */
public final class Pipeline {

    private static volatile Pipeline fromEnvironment;

    private final JobRunSubmitter submitter;
    private final JobRunCompletion completion;
    private final JobRunCanceller canceller;
    private final ReconcileSweep sweep;

    /** The ports of the domain core: every AWS call the functions make goes through one of them. */
    public record Ports(EmrServerlessApi emr, ObjectStore bucket, TaskCallbacks tasks, DomainEvents events) {}

    public Pipeline(PipelineConfig config) {
        this(config, awsPorts(config));
    }

    /** The same wiring over ports the caller chose (in-memory fakes in the unit tests). */
    public Pipeline(PipelineConfig config, Ports ports) {
        JobRunEvents events = new JobRunEvents(ports.events());
        Links links = new Links(config.region(), config.objectLinkBase());
        RunRecords runs = new RunRecords(ports.bucket());
        Callbacks callbacks = new Callbacks(ports.bucket());
        JobRunStopper stopper = new JobRunStopper(ports.emr(), callbacks);
        this.submitter = new JobRunSubmitter(
                new JobRequestValidator(),
                new RoleRules(config.allowedExecutionRoleArns(), config.defaultExecutionRoleArn()),
                new ApplicationResolver(ports.emr(), config.allowCreateApplication()),
                new EntrypointStager(ports.bucket(), EntrypointStager.bundledBootstrap()),
                ports.emr(), runs, stopper, links, events, config.defaultLogUri());
        this.completion = new JobRunCompletion(ports.emr(), callbacks, new Claims(ports.bucket(), Clock.systemUTC()),
                ports.tasks(), new JobRunOutcomes(links), events);
        this.canceller = new JobRunCanceller(runs, ports.emr(), stopper);
        this.sweep = new ReconcileSweep(callbacks, ports.emr(), completion);
    }

    private static Ports awsPorts(PipelineConfig config) {
        AwsClients clients = new AwsClients(config);
        DomainEvents domainEvents = config.eventBusName()
                .<DomainEvents>map(bus -> new EventBridgeDomainEvents(clients.eventBridge(), bus))
                .orElse(DomainEvents.NONE);
        return new Ports(new SdkEmrServerless(clients.emrServerless()), new S3ObjectStore(clients.s3(), config.jobBucket()),
                new SfnTaskCallbacks(clients.stepFunctions()), domainEvents);
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

    public ReconcileSweep sweep() {
        return sweep;
    }
}
