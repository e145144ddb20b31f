package io.emrpipeline.local.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.emrpipeline.aws.S3ObjectStore;
import io.emrpipeline.contract.Contract;
import io.emrpipeline.contract.RepositoryRoot;
import io.emrpipeline.core.Callbacks;
import io.emrpipeline.core.JobRunKey;
import io.emrpipeline.core.RunRecords;
import io.emrpipeline.local.LocalAws;
import io.emrpipeline.local.LocalGateway;
import io.emrpipeline.local.LocalPipeline;
import io.emrpipeline.local.emr.JobPlan;
import io.emrpipeline.local.http.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.emrserverless.EmrServerlessClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The state each function finds in production when it runs, set up in the local AWS before each
 * measured invocation, and the invocation's payload (the JSON fixtures AWS sends, with this run's
 * ids). Submit: a request naming an existing application. Await: a job run still RUNNING (store
 * the token, one GetJobRun). JobStateChange: a run that ended with a token stored (GetJobRun,
 * read the token, SendTaskSuccess, delete it). Reconcile: a run still RUNNING after a heartbeat
 * timeout (GetJobRun). Cancel: an aborted execution whose run record names a RUNNING job run
 * (read the record, CancelJobRun).
 */
final class ColdStartScenarios implements AutoCloseable {

    private static final Path EVENTS = RepositoryRoot.find().resolve("functions/src/test/resources/events");

    private final LocalAws aws;
    private final S3Client s3;
    private final EmrServerlessClient emr;
    private final S3ObjectStore bucket;
    private final String applicationId;
    private int executions;

    ColdStartScenarios(LocalAws aws) {
        this.aws = aws;
        this.s3 = client(S3Client.builder(), aws).forcePathStyle(true).build();
        this.emr = client(EmrServerlessClient.builder(), aws).build();
        s3.createBucket(r -> r.bucket(LocalPipeline.BUCKET));
        this.bucket = new S3ObjectStore(s3, LocalPipeline.BUCKET);
        this.applicationId = emr.createApplication(r -> r.name("bench")
                .releaseLabel(Contract.get().defaultReleaseLabel()).type("SPARK")).applicationId();
    }

    /** Sets up what the function finds and returns the payload of its measured invocation. */
    byte[] prepare(String function) {
        String execution = "bench-" + (++executions);
        ObjectNode executionRef = Json.object().put("arn", executionArn(execution)).put("name", execution);
        switch (function) {
            case "SubmitJobRun" -> {
                ObjectNode payload = fixture("state-machine/submit-job-run.json");
                ObjectNode request = (ObjectNode) payload.get("request");
                ((ObjectNode) request.get("application")).put("id", applicationId);
                request.put("executionRoleArn", LocalPipeline.JOB_ROLE);
                payload.set("execution", executionRef);
                return Json.bytes(payload);
            }
            case "AwaitJobRun" -> {
                ObjectNode payload = fixture("state-machine/await-job-run.json");
                payload.put("applicationId", applicationId).put("jobRunId", startJobRun(execution, JobPlan.runUntilCancelled()));
                payload.set("execution", executionRef);
                return Json.bytes(payload);
            }
            case "JobStateChange" -> {
                String jobRunId = startJobRun(execution, JobPlan.instantSuccess());
                String token = fixture("state-machine/await-job-run.json").get("taskToken").asText();
                new Callbacks(bucket).save(new JobRunKey(applicationId, jobRunId),
                        new Callbacks.Callback(token, executionArn(execution)));
                ObjectNode payload = fixture("emr-serverless/job-run-success.json");
                ((ObjectNode) payload.get("detail")).put("applicationId", applicationId).put("jobRunId", jobRunId);
                return Json.bytes(payload);
            }
            case "ReconcileJobRun" -> {
                ObjectNode payload = fixture("state-machine/reconcile-job-run.json");
                payload.put("applicationId", applicationId).put("jobRunId", startJobRun(execution, JobPlan.runUntilCancelled()));
                payload.set("execution", executionRef);
                return Json.bytes(payload);
            }
            case "CancelJobRun" -> {
                String jobRunId = startJobRun(execution, JobPlan.runUntilCancelled());
                new RunRecords(bucket).create(new RunRecords.RunRecord(executionArn(execution), execution, applicationId,
                        "wordcount:" + execution, jobRunId, false, null)).orElseThrow();
                ObjectNode payload = fixture("step-functions/execution-aborted.json");
                ((ObjectNode) payload.get("detail")).put("name", execution).put("executionArn", executionArn(execution));
                return Json.bytes(payload);
            }
            default -> throw new IllegalArgumentException("no scenario for " + function);
        }
    }

    private String startJobRun(String execution, JobPlan plan) {
        aws.gateway().simulatedJobs().planNext(plan);
        return emr.startJobRun(r -> r.applicationId(applicationId).name("wordcount:" + execution)
                .clientToken(execution).executionRoleArn(LocalPipeline.JOB_ROLE)
                .jobDriver(d -> d.sparkSubmit(s -> s.entryPoint("s3://" + LocalPipeline.BUCKET + "/jobs/wordcount.py"))))
                .jobRunId();
    }

    private static String executionArn(String execution) {
        return "arn:aws:states:" + LocalGateway.REGION + ":" + LocalGateway.ACCOUNT_ID + ":execution:emr-pipeline:" + execution;
    }

    private static ObjectNode fixture(String name) {
        try {
            JsonNode json = Json.parse(Files.readString(EVENTS.resolve(name)));
            return (ObjectNode) json;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <B extends AwsClientBuilder<B, ?> & SdkSyncClientBuilder<B, ?>> B client(B builder, LocalAws aws) {
        return builder.region(Region.of(LocalGateway.REGION)).endpointOverride(aws.endpoint())
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")));
    }

    @Override
    public void close() {
        s3.close();
        emr.close();
    }
}
