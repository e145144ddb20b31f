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
import io.emrpipeline.core.Json;
import io.emrpipeline.core.Links;
import io.emrpipeline.core.ObjectStore;
import io.emrpipeline.core.ReconcileSweep;
import io.emrpipeline.core.RoleRules;
import io.emrpipeline.core.RunRecords;
import io.emrpipeline.core.TaskCallbacks;
import java.time.Clock;
import org.apache.logging.log4j.LogManager;

/**
 * The composition root: builds the domain services of one container from its configuration.
 * Every handler's no-arg constructor (what Lambda calls) uses {@link #fromEnvironment()}; the
 * unit tests build one over in-memory {@link Ports}.
 *
 * <p>A service, and each port and SDK client under it, is built the first time a handler asks
 * for it — in the handler's constructor, so still at init — which leaves out of each function's
 * cold start what only the others use: the schema validator outside SubmitJobRun, the Step
 * Functions client outside the completion paths, the EventBridge client in CancelJobRun.
 */
public final class Pipeline {

    private static volatile Pipeline fromEnvironment;

    private final PipelineConfig config;
    private final PortSource ports;
    private final Links links;
    /** Held here because the runtime holds its checkpoint hooks weakly. */
    private SnapStartPriming priming;
    private JobRequestValidator validator;
    private RunRecords runs;
    private Callbacks callbacks;
    private JobRunStopper stopper;
    private JobRunEvents events;
    private JobRunSubmitter submitter;
    private JobRunCompletion completion;
    private JobRunCanceller canceller;
    private ReconcileSweep sweep;

    /** The ports of the domain core: every AWS call the functions make goes through one of them. */
    public record Ports(EmrServerlessApi emr, ObjectStore bucket, TaskCallbacks tasks, DomainEvents events)
            implements PortSource {}

    /** Where the services get their ports: given up front ({@link Ports}) or built on first use ({@link AwsPorts}). */
    interface PortSource {
        EmrServerlessApi emr();

        ObjectStore bucket();

        TaskCallbacks tasks();

        DomainEvents events();
    }

    /** The same wiring over ports the caller chose (in-memory fakes in the unit tests). */
    public Pipeline(PipelineConfig config, Ports ports) {
        this(config, (PortSource) ports);
    }

    private Pipeline(PipelineConfig config, PortSource ports) {
        this.config = config;
        this.ports = ports;
        this.links = new Links(config.region(), config.objectLinkBase());
    }

    /**
     * One per container, built on first use from the environment (fails the cold start on bad
     * settings), with its SnapStart priming hook registered.
     */
    public static Pipeline fromEnvironment() {
        if (fromEnvironment == null) {
            synchronized (Pipeline.class) {
                if (fromEnvironment == null) {
                    // Logging and JSON first, so that their own init is timed apart from what uses them.
                    ColdStart.time("logging", () -> LogManager.getLogger(Pipeline.class));
                    ColdStart.time("json", () -> Json.MAPPER);
                    PipelineConfig config = ColdStart.time("config", PipelineConfig::fromEnvironment);
                    AwsClients clients = ColdStart.time("sdkShared", () -> new AwsClients(config));
                    Pipeline pipeline = new Pipeline(config, new AwsPorts(clients, config));
                    pipeline.priming = ColdStart.time("snapStartHook", () -> SnapStartPriming.register(pipeline, clients));
                    fromEnvironment = pipeline;
                }
            }
        }
        return fromEnvironment;
    }

    public synchronized JobRunSubmitter submitter() {
        if (submitter == null) {
            submitter = new JobRunSubmitter(validator(),
                    new RoleRules(config.allowedExecutionRoleArns(), config.defaultExecutionRoleArn()),
                    new ApplicationResolver(ports.emr(), config.allowCreateApplication()),
                    new EntrypointStager(ports.bucket(), EntrypointStager.bundledBootstrap()),
                    ports.emr(), runs(), stopper(), links, events(), config.defaultLogUri());
        }
        return submitter;
    }

    public synchronized JobRunCompletion completion() {
        if (completion == null) {
            completion = new JobRunCompletion(ports.emr(), callbacks(), new Claims(ports.bucket(), Clock.systemUTC()),
                    ports.tasks(), new JobRunOutcomes(links), events());
        }
        return completion;
    }

    public synchronized JobRunCanceller canceller() {
        if (canceller == null) {
            canceller = new JobRunCanceller(runs(), ports.emr(), stopper());
        }
        return canceller;
    }

    public synchronized ReconcileSweep sweep() {
        if (sweep == null) {
            sweep = new ReconcileSweep(callbacks(), ports.emr(), completion());
        }
        return sweep;
    }

    /** The submitter's validator, once built (what priming exercises); null in functions that never validate. */
    synchronized JobRequestValidator builtValidator() {
        return validator;
    }

    private JobRequestValidator validator() {
        if (validator == null) {
            validator = ColdStart.time("validator", JobRequestValidator::new);
        }
        return validator;
    }

    private Callbacks callbacks() {
        if (callbacks == null) {
            callbacks = new Callbacks(ports.bucket());
        }
        return callbacks;
    }

    private JobRunStopper stopper() {
        if (stopper == null) {
            stopper = new JobRunStopper(ports.emr(), callbacks());
        }
        return stopper;
    }

    private RunRecords runs() {
        if (runs == null) {
            runs = new RunRecords(ports.bucket());
        }
        return runs;
    }

    private JobRunEvents events() {
        if (events == null) {
            events = new JobRunEvents(ports.events());
        }
        return events;
    }

    /** The AWS ports, each with its SDK client, built when a service first asks for it. */
    private static final class AwsPorts implements PortSource {

        private final AwsClients clients;
        private final PipelineConfig config;
        private EmrServerlessApi emr;
        private ObjectStore bucket;
        private TaskCallbacks tasks;
        private DomainEvents events;

        AwsPorts(AwsClients clients, PipelineConfig config) {
            this.clients = clients;
            this.config = config;
        }

        @Override
        public synchronized EmrServerlessApi emr() {
            if (emr == null) {
                emr = new SdkEmrServerless(ColdStart.time("emrServerlessClient", clients::emrServerless));
            }
            return emr;
        }

        @Override
        public synchronized ObjectStore bucket() {
            if (bucket == null) {
                bucket = new S3ObjectStore(ColdStart.time("s3Client", clients::s3), config.jobBucket());
            }
            return bucket;
        }

        @Override
        public synchronized TaskCallbacks tasks() {
            if (tasks == null) {
                tasks = new SfnTaskCallbacks(ColdStart.time("stepFunctionsClient", clients::stepFunctions));
            }
            return tasks;
        }

        @Override
        public synchronized DomainEvents events() {
            if (events == null) {
                events = config.eventBusName()
                        .<DomainEvents>map(bus -> new EventBridgeDomainEvents(
                                ColdStart.time("eventBridgeClient", clients::eventBridge), bus))
                        .orElse(DomainEvents.NONE);
            }
            return events;
        }
    }
}
