package io.emrpipeline.local.bench;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.emrpipeline.aws.EventBridgeDomainEvents;
import io.emrpipeline.aws.S3ObjectStore;
import io.emrpipeline.aws.SdkEmrServerless;
import io.emrpipeline.aws.SfnTaskCallbacks;
import io.emrpipeline.config.PipelineConfig;
import io.emrpipeline.core.DomainEvents;
import io.emrpipeline.core.Json;
import io.emrpipeline.handlers.AwaitJobRunHandler;
import io.emrpipeline.handlers.CancelJobRunHandler;
import io.emrpipeline.handlers.ColdStart;
import io.emrpipeline.handlers.JobStateChangeHandler;
import io.emrpipeline.handlers.Pipeline;
import io.emrpipeline.handlers.ReconcileJobRunHandler;
import io.emrpipeline.handlers.SubmitJobRunHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.logging.log4j.LogManager;
import software.amazon.awssdk.services.emrserverless.EmrServerlessClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * The cold-start benchmark's baseline: the project's own handlers over the project's composition
 * root, with the SDK clients a first version would build — {@code XClient.create()}, so region and
 * credentials come from the SDK's default provider chains, the endpoint from
 * {@code AWS_ENDPOINT_URL}, and each client gets its own HTTP client found on the classpath
 * (Apache: the naive jar ships it instead of URLConnection) — every service and client built at
 * init, and no priming. Local's {@code bench} profile shades these classes with the functions
 * into {@code target/bench/naive/task/lib}; nothing deploys them.
 */
public final class NaiveHandlers {

    private static Pipeline pipeline;

    private NaiveHandlers() {}

    /** One per container, everything built up front, as the composition root first did; timed like the project's. */
    static synchronized Pipeline pipeline() {
        if (pipeline == null) {
            ColdStart.time("logging", () -> LogManager.getLogger(NaiveHandlers.class));
            ColdStart.time("json", () -> Json.MAPPER);
            PipelineConfig config = ColdStart.time("config", PipelineConfig::fromEnvironment);
            EmrServerlessClient emr = ColdStart.time("emrServerlessClient", EmrServerlessClient::create);
            // Path-style only because the local endpoint has no per-bucket host names; nothing else set.
            S3Client s3 = ColdStart.time("s3Client", () -> S3Client.builder().forcePathStyle(true).build());
            SfnClient sfn = ColdStart.time("stepFunctionsClient", SfnClient::create);
            DomainEvents events = config.eventBusName()
                    .<DomainEvents>map(bus -> new EventBridgeDomainEvents(
                            ColdStart.time("eventBridgeClient", EventBridgeClient::create), bus))
                    .orElse(DomainEvents.NONE);
            pipeline = new Pipeline(config, new Pipeline.Ports(new SdkEmrServerless(emr),
                    new S3ObjectStore(s3, config.jobBucket()), new SfnTaskCallbacks(sfn), events));
            pipeline.submitter();
            pipeline.completion();
            pipeline.canceller();
        }
        return pipeline;
    }

    /** Hands every invocation to the project's handler; public because the runtime calls it reflectively. */
    public abstract static class Delegating implements RequestStreamHandler {

        private final RequestStreamHandler handler;

        Delegating(RequestStreamHandler handler) {
            this.handler = handler;
            ColdStart.report();
        }

        @Override
        public final void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
            handler.handleRequest(input, output, context);
        }
    }

    public static final class SubmitJobRun extends Delegating {
        public SubmitJobRun() {
            super(new SubmitJobRunHandler(pipeline()));
        }
    }

    public static final class AwaitJobRun extends Delegating {
        public AwaitJobRun() {
            super(new AwaitJobRunHandler(pipeline()));
        }
    }

    public static final class JobStateChange extends Delegating {
        public JobStateChange() {
            super(new JobStateChangeHandler(pipeline()));
        }
    }

    public static final class ReconcileJobRun extends Delegating {
        public ReconcileJobRun() {
            super(new ReconcileJobRunHandler(pipeline()));
        }
    }

    public static final class CancelJobRun extends Delegating {
        public CancelJobRun() {
            super(new CancelJobRunHandler(pipeline()));
        }
    }
}
