package io.emrpipeline.local;

import io.emrpipeline.contract.Contract;
import io.emrpipeline.contract.Placeholders;
import io.emrpipeline.local.events.NotificationTarget;
import io.emrpipeline.local.lambda.runtime.RuntimeFiles;
import io.emrpipeline.local.spark.SparkSubmitJobRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.emrserverless.EmrServerlessClient;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * The whole pipeline on one machine: moto + the local gateway, the functions jar deployed as
 * Lambda functions run by AWS's own Java runtime, the real ASL deployed as a state machine, and
 * the real EventBridge patterns routing events to them. What {@code cdk deploy} builds in an
 * account, built locally.
 */
public final class LocalPipeline implements AutoCloseable {

    public static final String BUCKET = "emr-pipeline-local";
    public static final String JOB_ROLE = "arn:aws:iam::" + LocalGateway.ACCOUNT_ID + ":role/emr-pipeline-local-job-role";
    public static final String EVENT_BUS = "emr-pipeline-local";
    /** The deployment's sweep runs this often locally (5 minutes in a real deployment): lost events cost seconds here. */
    public static final Duration DEFAULT_SWEEP_INTERVAL = Duration.ofSeconds(5);

    private static final Contract CONTRACT = Contract.get();

    /** The functions' names, as the contract and the invocation log know them. */
    public static final String SUBMIT = CONTRACT.function("SubmitJobRun").name();
    public static final String AWAIT = CONTRACT.function("AwaitJobRun").name();
    public static final String STATE_CHANGE = CONTRACT.function("JobStateChange").name();
    public static final String RECONCILE = CONTRACT.function("ReconcileJobRun").name();
    public static final String CANCEL = CONTRACT.function("CancelJobRun").name();

    private final LocalAws aws;
    private final SfnClient sfn;
    private final EmrServerlessClient emr;
    private final S3Client s3;
    private final SnsClient sns;
    private final SqsClient sqs;
    private String stateMachineArn;
    private String notificationsQueueUrl;
    private SparkSubmitJobRunner sparkJobs;
    private Path functionLogs;
    private Sweeps sweeps;

    /** What runs a job run's RUNNING phase. */
    public enum Runner {
        /** Nothing runs; tests script each run's outcome (the default for scenario tests). */
        SIMULATED,
        /** A real local spark-submit from the project venv (the local run, the Spark tests). */
        SPARK_SUBMIT
    }

    private LocalPipeline(LocalAws aws) {
        this.aws = aws;
        this.sfn = client(SfnClient.builder()).build();
        this.emr = client(EmrServerlessClient.builder()).build();
        this.s3 = client(S3Client.builder()).forcePathStyle(true).build();
        this.sns = client(SnsClient.builder()).build();
        this.sqs = client(SqsClient.builder()).build();
    }

    /** Starts moto (from the project venv under {@code repoRoot}) and the gateway, and deploys; jobs are simulated. */
    public static LocalPipeline start(Path repoRoot) throws IOException, InterruptedException {
        return start(repoRoot, Runner.SIMULATED);
    }

    /**
     * As {@link #start(Path)}, with job runs run by {@code runner}. SPARK_SUBMIT uses the venv's
     * {@code spark-submit} and keeps each run's work directory under {@code local/target/spark-runs/}.
     */
    public static LocalPipeline start(Path repoRoot, Runner runner) throws IOException, InterruptedException {
        RuntimeFiles runtime = RuntimeFiles.under(repoRoot);
        Path moto = repoRoot.resolve(".venv/bin/moto_server");
        if (!Files.isExecutable(moto)) {
            throw new IllegalStateException(moto + " is missing: run `make setup` (or `make test`) first");
        }
        Path logs = Files.createDirectories(repoRoot.resolve("local/target/local-aws"));
        LocalPipeline pipeline = new LocalPipeline(LocalAws.start(moto, logs));
        pipeline.functionLogs = repoRoot.resolve("local/target/lambda-logs");
        LocalFunctions.deploy(pipeline.gateway().lambdas(), runtime, deploymentEnvironment(), pipeline.aws.endpoint(),
                pipeline.functionLogs);
        if (runner == Runner.SPARK_SUBMIT) {
            pipeline.sparkJobs = new SparkSubmitJobRunner(repoRoot.resolve(".venv/bin/spark-submit"), pipeline.s3,
                    pipeline.aws.endpoint(), LocalGateway.REGION, repoRoot.resolve("local/target/spark-runs"));
            pipeline.gateway().jobRuns().setRunner(pipeline.sparkJobs);
        }
        pipeline.deploy();
        pipeline.sweeps = Sweeps.every(DEFAULT_SWEEP_INTERVAL, pipeline.gateway().lambdas());
        return pipeline;
    }

    /** What the CDK construct sets on every function, for this local deployment. */
    private static Map<String, String> deploymentEnvironment() {
        return Map.of(
                "JOB_BUCKET", BUCKET,
                "EXECUTION_ROLE_ARNS", JOB_ROLE,
                "DEFAULT_EXECUTION_ROLE_ARN", JOB_ROLE,
                "ALLOW_CREATE_APPLICATION", "true",
                "EVENT_BUS_NAME", EVENT_BUS);
    }

    /**
     * Creates the bucket, the rules and the state machine, as the CDK stack does. The functions
     * were deployed once at start; their warm environments survive a {@link #reset}.
     */
    public void deploy() {
        s3.createBucket(r -> r.bucket(BUCKET));
        String definition = Placeholders.fill("pipeline.asl.json", CONTRACT.stateMachineDefinition(),
                CONTRACT.aslSubstitutions(function -> functionArn(function.name())));
        stateMachineArn = sfn.createStateMachine(r -> r.name("emr-pipeline")
                .definition(definition)
                .roleArn("arn:aws:iam::" + LocalGateway.ACCOUNT_ID + ":role/emr-pipeline-local-states")).stateMachineArn();

        var events = aws.gateway().events();
        events.addRule("emr-job-run-state-change", CONTRACT.eventPattern("jobRunStateChange").fill(Map.of()), STATE_CHANGE);
        events.addRule("execution-aborted-or-timed-out", CONTRACT.eventPattern("executionAbortedOrTimedOut")
                .fill(Map.of(CONTRACT.stateMachineArnPlaceholder(), stateMachineArn)), CANCEL);
        deployNotifications();
    }

    /**
     * The stack's notification topic and its two notify rules, with a queue subscribed in place of
     * the on-call people's e-mail: {@link #notificationsQueueUrl()} holds what they would receive.
     */
    private void deployNotifications() {
        String topicArn = sns.createTopic(r -> r.name("emr-pipeline-notifications")).topicArn();
        notificationsQueueUrl = sqs.createQueue(r -> r.queueName("emr-pipeline-oncall")).queueUrl();
        String queueArn = "arn:aws:sqs:" + LocalGateway.REGION + ":" + LocalGateway.ACCOUNT_ID + ":emr-pipeline-oncall";
        sns.subscribe(r -> r.topicArn(topicArn).protocol("sqs").endpoint(queueArn)
                .attributes(Map.of("RawMessageDelivery", "true")));
        var events = aws.gateway().events();
        for (String rule : List.of("notifyJobRunFailed", "notifyExecutionFailed")) {
            // Only the execution rule names the state machine; the job-run rule is on the domain-event bus.
            Map<String, String> values = rule.equals("notifyExecutionFailed")
                    ? Map.of(CONTRACT.stateMachineArnPlaceholder(), stateMachineArn) : Map.of();
            events.addRule(rule, CONTRACT.eventPattern(rule).fill(values),
                    new NotificationTarget(CONTRACT.notificationTemplate(rule), message -> sns.publish(r -> r.topicArn(topicArn)
                            .message(message))));
        }
    }

    /** The SQS queue subscribed to the notification topic: each message is what on-call receives. */
    public String notificationsQueueUrl() {
        return notificationsQueueUrl;
    }

    /** Empties everything and deploys again; the sweep goes back to its default interval. */
    public void reset() throws IOException, InterruptedException {
        sweeps.setInterval(DEFAULT_SWEEP_INTERVAL);
        Map<String, byte[]> staged = stagedEntrypoints();
        aws.reset();
        deploy();
        // A deployment's bucket keeps its staged bootstraps for good, and warm functions remember
        // having staged them: put back what moto's reset wiped.
        staged.forEach((key, content) -> s3.putObject(r -> r.bucket(BUCKET).key(key), RequestBody.fromBytes(content)));
    }

    private Map<String, byte[]> stagedEntrypoints() {
        Map<String, byte[]> staged = new LinkedHashMap<>();
        try {
            s3.listObjectsV2Paginator(r -> r.bucket(BUCKET).prefix("entrypoints/")).contents().forEach(object ->
                    staged.put(object.key(), s3.getObjectAsBytes(r -> r.bucket(BUCKET).key(object.key())).asByteArray()));
        } catch (NoSuchBucketException notDeployed) {
            return Map.of();
        }
        return staged;
    }

    /**
     * Creates an EMR Serverless application (in moto) and returns its id. It is CREATED at once: it
     * stands for an idle application that exists before the scenario; one the pipeline creates
     * takes time, as on EMR.
     */
    public String createApplication(String name) {
        String id = emr.createApplication(r -> r.name(name).releaseLabel(CONTRACT.defaultReleaseLabel()).type("SPARK"))
                .applicationId();
        gateway().applications().markCreated(id);
        return id;
    }

    public String startExecution(String name, String input) {
        return sfn.startExecution(r -> r.stateMachineArn(stateMachineArn).name(name).input(input)).executionArn();
    }

    /** Polls DescribeExecution until the execution leaves RUNNING. */
    public DescribeExecutionResponse awaitExecution(String executionArn, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            DescribeExecutionResponse execution = sfn.describeExecution(r -> r.executionArn(executionArn));
            if (execution.status() != ExecutionStatus.RUNNING) {
                return execution;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("execution still RUNNING after " + timeout + ": " + executionArn);
            }
            Thread.sleep(100);
        }
    }

    public static String functionArn(String name) {
        return "arn:aws:lambda:" + LocalGateway.REGION + ":" + LocalGateway.ACCOUNT_ID + ":function:" + name;
    }

    public String stateMachineArn() {
        return stateMachineArn;
    }

    public LocalGateway gateway() {
        return aws.gateway();
    }

    public SfnClient sfn() {
        return sfn;
    }

    public EmrServerlessClient emr() {
        return emr;
    }

    public S3Client s3() {
        return s3;
    }

    /** Where each Lambda environment writes its output: the emulator's lines and the function's own logs. */
    public Path functionLogs() {
        return functionLogs;
    }

    /** The deployment's scheduled ReconcileSweep (a rule every {@code reconcileMinutes} in AWS). */
    public Sweeps sweeps() {
        return sweeps;
    }

    /** The spark-submit runner, when the pipeline was started with {@link Runner#SPARK_SUBMIT}. */
    public Optional<SparkSubmitJobRunner> sparkJobs() {
        return Optional.ofNullable(sparkJobs);
    }

    private <B extends AwsClientBuilder<B, ?>> B client(B builder) {
        return builder.region(Region.of(LocalGateway.REGION))
                .endpointOverride(aws.endpoint())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
    }

    @Override
    public void close() {
        if (sweeps != null) {
            sweeps.close();
        }
        if (sparkJobs != null) {
            // Before the gateway stops: no spark-submit may outlive the pipeline.
            sparkJobs.close();
        }
        sfn.close();
        emr.close();
        s3.close();
        sns.close();
        sqs.close();
        aws.close();
    }
}
