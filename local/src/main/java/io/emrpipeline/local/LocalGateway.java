package io.emrpipeline.local;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.emrpipeline.contract.Contract;
import io.emrpipeline.contract.FunctionSpec;
import io.emrpipeline.local.emr.ApplicationLookup;
import io.emrpipeline.local.emr.ApplicationStates;
import io.emrpipeline.local.emr.ApplicationsRoute;
import io.emrpipeline.local.emr.EmrServerlessRoute;
import io.emrpipeline.local.emr.JobRunModel;
import io.emrpipeline.local.emr.JobRunner;
import io.emrpipeline.local.emr.MotoApplications;
import io.emrpipeline.local.emr.SimulatedJobRunner;
import io.emrpipeline.local.events.AnsweredTaskTokens;
import io.emrpipeline.local.events.EventBridgeRoute;
import io.emrpipeline.local.events.EventRouter;
import io.emrpipeline.local.events.ExecutionStatusEvents;
import io.emrpipeline.local.events.StepFunctionsRoute;
import io.emrpipeline.local.http.GatewayRequest;
import io.emrpipeline.local.http.MotoForwarder;
import io.emrpipeline.local.http.S3ObjectWrites;
import io.emrpipeline.local.http.Replies;
import io.emrpipeline.local.iam.CallLog;
import io.emrpipeline.local.lambda.LambdaFunctions;
import io.emrpipeline.local.lambda.InFlightTaskTokens;
import io.emrpipeline.local.lambda.LambdaInvokeRoute;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * The one endpoint every local client talks to. It serves what moto cannot — Lambda Invoke with
 * our handlers in-process, EMR Serverless job runs with a real lifecycle and events, EventBridge
 * delivery to Lambda targets, the Step Functions ABORTED event — and forwards everything else to
 * moto unchanged. moto's Step Functions engine reaches it too, through {@code MOTO_PORT}.
 */
public final class LocalGateway implements AutoCloseable {

    public static final String ACCOUNT_ID = "123456789012";
    public static final String REGION = "us-east-1";
    private static final System.Logger LOG = System.getLogger(LocalGateway.class.getName());

    private final HttpServer server;
    private final ExecutorService requestThreads;
    private final BackgroundWork background = new BackgroundWork("gateway-background");
    private final Queue<String> forwarded = new ConcurrentLinkedQueue<>();
    private final CallLog calls = new CallLog(functionsByAccessKey(), ACCOUNT_ID);
    private final MotoForwarder moto;
    private final S3ObjectWrites s3Writes = new S3ObjectWrites();
    private final LambdaFunctions lambdas = new LambdaFunctions(REGION, ACCOUNT_ID);
    private final EventRouter events = new EventRouter(lambdas, background);
    private final SimulatedJobRunner simulatedJobs = new SimulatedJobRunner();
    private final MotoApplications applications;
    private final JobRunModel jobRuns;
    private final ExecutionStatusEvents executionEvents;
    private final LambdaInvokeRoute lambdaRoute;
    private final EmrServerlessRoute emrRoute;
    private final ApplicationStates applicationStates = new ApplicationStates();
    private final ApplicationsRoute applicationsRoute;
    private final EventBridgeRoute eventBridgeRoute;
    private final StepFunctionsRoute stepFunctionsRoute;

    private LocalGateway(HttpServer server, URI motoEndpoint) {
        this.server = server;
        this.moto = new MotoForwarder(motoEndpoint);
        this.applications = new MotoApplications(motoEndpoint);
        // The model sees applications as EMR would now: CREATING for a while after CreateApplication.
        ApplicationLookup timedApplications = new ApplicationLookup() {
            @Override
            public Optional<Application> find(String region, String id) {
                return applications.find(region, id).map(app -> new Application(app.applicationId(), app.releaseLabel(),
                        applicationStates.stateOf(app.applicationId(), app.state())));
            }

            @Override
            public void jobSubmitted(String applicationId) {
                applicationStates.jobSubmitted(applicationId);
            }
        };
        this.jobRuns = new JobRunModel(timedApplications, events, ACCOUNT_ID, simulatedJobs);
        this.executionEvents = new ExecutionStatusEvents(motoEndpoint, ACCOUNT_ID, events);
        InFlightTaskTokens taskTokens = new InFlightTaskTokens(background);
        this.lambdaRoute = new LambdaInvokeRoute(lambdas, background, taskTokens);
        this.emrRoute = new EmrServerlessRoute(jobRuns);
        this.applicationsRoute = new ApplicationsRoute(moto, applicationStates);
        this.eventBridgeRoute = new EventBridgeRoute(events, ACCOUNT_ID);
        this.stepFunctionsRoute = new StepFunctionsRoute(moto, executionEvents, taskTokens);
        // Requests nest (moto → Lambda handler → gateway → moto), so threads must not be capped.
        this.requestThreads = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "gateway-request");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(requestThreads);
        server.createContext("/", this::handle);
    }

    /**
     * Binds 127.0.0.1:{@code port} (0 picks a free port) and starts serving; job runs use the
     * {@link SimulatedJobRunner} until {@link JobRunModel#setRunner} says otherwise.
     */
    public static LocalGateway start(int port, URI motoEndpoint) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
        LocalGateway gateway = new LocalGateway(server, motoEndpoint);
        server.start();
        return gateway;
    }

    public static LocalGateway start(int port, URI motoEndpoint, JobRunner runner) throws IOException {
        LocalGateway gateway = start(port, motoEndpoint);
        gateway.jobRuns.setRunner(runner);
        return gateway;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Where SDK clients, the CLI and moto's Lambda calls should point. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port());
    }

    public LambdaFunctions lambdas() {
        return lambdas;
    }

    public EventRouter events() {
        return events;
    }

    public JobRunModel jobRuns() {
        return jobRuns;
    }

    /** The default runner's plans (used while no other runner is set). */
    public SimulatedJobRunner simulatedJobs() {
        return simulatedJobs;
    }

    /** Publishes the TIMED_OUT status-change event Step Functions would send for this execution. */
    public ObjectNode publishExecutionTimedOut(String executionArn) {
        return executionEvents.publish(executionArn, "TIMED_OUT");
    }

    /**
     * Between tests: forgets job runs, invocations, events and deliveries, and turns every fault
     * knob off. Registered functions and rules stay: they are the deployment, not test state.
     */
    public void reset() {
        jobRuns.reset();
        simulatedJobs.reset();
        events.reset();
        lambdas.log().clear();
        lambdas.resetFaults();
        stepFunctionsRoute.answeredTokens().reset();
        forwarded.clear();
        applicationStates.reset();
    }

    /** How long applications take to create and start, as EMR makes them take. */
    public ApplicationStates applications() {
        return applicationStates;
    }

    /** Step Functions' refusal of a second answer to a task token (on unless a test turns it off). */
    public AnsweredTaskTokens answeredTaskTokens() {
        return stepFunctionsRoute.answeredTokens();
    }

    private void handle(HttpExchange exchange) {
        try (exchange) {
            GatewayRequest request = GatewayRequest.read(exchange);
            calls.record(request);
            route(request, exchange);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "gateway I/O failed for " + exchange.getRequestURI(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // A bug in the gateway: answer 500 so the caller fails loudly instead of hanging.
            LOG.log(System.Logger.Level.ERROR, "gateway failed on " + exchange.getRequestURI(), e);
            answerInternalError(exchange, e);
        }
    }

    private void route(GatewayRequest request, HttpExchange exchange) throws IOException, InterruptedException {
        if (lambdaRoute.handles(request)) {
            lambdaRoute.handle(request, exchange);
        } else if (emrRoute.handles(request)) {
            emrRoute.handle(request, exchange);
        } else if (applicationsRoute.handles(request)) {
            forwarded.add(request.method() + " " + request.rawPath());
            applicationsRoute.handle(request, exchange);
        } else if (eventBridgeRoute.handles(request)) {
            eventBridgeRoute.handle(request, exchange);
        } else if (stepFunctionsRoute.handles(request)) {
            stepFunctionsRoute.handle(request, exchange);
        } else {
            forwarded.add(request.method() + " " + request.rawPath());
            if (s3Writes.handles(request)) {
                s3Writes.forward(request, exchange, moto);
            } else {
                moto.forward(request, exchange);
            }
        }
    }

    /** "METHOD /path" of every request passed to moto since the last reset (S3 calls among them). */
    public List<String> forwardedRequests() {
        return List.copyOf(forwarded);
    }

    /**
     * The IAM authorizations the functions' requests needed (action, resource), for checking
     * against their roles' policies. Not cleared by {@link #reset}: its reader drains it.
     */
    public CallLog calls() {
        return calls;
    }

    private static Map<String, String> functionsByAccessKey() {
        return Contract.get().functions().stream().map(FunctionSpec::name)
                .collect(Collectors.toMap(LocalFunctions::accessKeyId, name -> name));
    }

    private static void answerInternalError(HttpExchange exchange, RuntimeException e) {
        try {
            Replies.restJsonError(exchange, 500, "InternalFailure", "local gateway: " + e);
        } catch (IOException alreadyAnswered) {
            LOG.log(System.Logger.Level.DEBUG, "could not report the failure to the client", alreadyAnswered);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        requestThreads.shutdownNow();
        background.close();
        lambdas.close();
        jobRuns.close();
        applications.close();
        executionEvents.close();
    }
}
