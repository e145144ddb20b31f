package io.emrpipeline.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.emrpipeline.aws.S3ObjectStore;
import io.emrpipeline.core.Callbacks;
import io.emrpipeline.core.EntrypointStager;
import io.emrpipeline.core.JobRunKey;
import io.emrpipeline.core.RunRecords;
import io.emrpipeline.contract.Contract;
import io.emrpipeline.contract.Placeholders;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * The opt-in LocalStack tier ({@code mvn verify -Plocalstack}): the pipeline's storage and the
 * ASL definition against LocalStack through Testcontainers. Skipped, with the reason, where no
 * Docker engine runs. LocalStack's free edition has no EMR Serverless and runs Lambda tasks in
 * its own containers, so the end-to-end scenarios stay on moto + the local gateway.
 */
class LocalStackStorageIT {

    private static final String BUCKET = "emr-pipeline-localstack";
    private static GenericContainer<?> localstack;
    private static S3Client s3;
    private static SfnClient sfn;

    private static final String NO_DOCKER = "LocalStack tier skipped: no Docker engine is reachable (Testcontainers found none)";
    private static boolean dockerAvailable;

    @BeforeAll
    static void startLocalStack() {
        dockerAvailable = DockerClientFactory.instance().isDockerAvailable();
        if (!dockerAvailable) {
            System.out.println(NO_DOCKER);
            return;
        }
        localstack = new GenericContainer<>("localstack/localstack:4.0")
                .withExposedPorts(4566)
                .withEnv("SERVICES", "s3,stepfunctions")
                .waitingFor(Wait.forHttp("/_localstack/health").forPort(4566).withStartupTimeout(Duration.ofMinutes(3)));
        localstack.start();
        URI endpoint = URI.create("http://" + localstack.getHost() + ":" + localstack.getMappedPort(4566));
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
        s3 = S3Client.builder().endpointOverride(endpoint).region(Region.US_EAST_1).credentialsProvider(credentials)
                .forcePathStyle(true).build();
        sfn = SfnClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1).credentialsProvider(credentials).build();
        s3.createBucket(r -> r.bucket(BUCKET));
    }

    @BeforeEach
    void requireDocker() {
        assumeTrue(dockerAvailable, NO_DOCKER);
    }

    @AfterAll
    static void stopLocalStack() {
        if (localstack != null) {
            localstack.stop();
        }
    }

    @Test
    void runRecordsAndCallbacksRoundTrip() {
        S3ObjectStore store = new S3ObjectStore(s3, BUCKET);
        RunRecords runs = new RunRecords(store);
        RunRecords.RunRecord first = runs.create(new RunRecords.RunRecord("arn:exec", "exec-1", "app1", "job:exec-1", null,
                false, null)).orElseThrow();
        assertTrue(runs.create(first).isEmpty(), "S3 refuses a second create (If-None-Match: *)");
        runs.replace(first, first.withJobRun("run1")).orElseThrow();
        assertTrue(runs.replace(first, first.stopped()).isEmpty(), "S3 refuses a replace of an old version (If-Match)");
        Callbacks callbacks = new Callbacks(store);
        JobRunKey run = new JobRunKey("app1", "run1");
        callbacks.save(run, new Callbacks.Callback("token", "arn:exec"));

        assertEquals("run1", new RunRecords(store).find("exec-1").orElseThrow().jobRunId());
        assertEquals("token", callbacks.find(run).orElseThrow().taskToken());
        callbacks.delete(run);
        assertFalse(callbacks.find(run).isPresent());
    }

    @Test
    void theBootstrapIsStagedOncePerContent() {
        S3ObjectStore store = new S3ObjectStore(s3, BUCKET);
        String uri = new EntrypointStager(store, EntrypointStager.bundledBootstrap()).stage();

        assertTrue(store.exists(uri.substring(("s3://" + BUCKET + "/").length())));
    }

    @Test
    void localStackAcceptsTheDefinition() {
        Contract contract = Contract.get();
        String definition = Placeholders.fill("pipeline.asl.json", contract.stateMachineDefinition(),
                contract.aslSubstitutions(function -> "arn:aws:lambda:us-east-1:000000000000:function:" + function.name()));

        String arn = sfn.createStateMachine(r -> r.name("emr-pipeline").definition(definition)
                .roleArn("arn:aws:iam::000000000000:role/states")).stateMachineArn();

        assertTrue(arn.endsWith(":stateMachine:emr-pipeline"), arn);
    }
}
