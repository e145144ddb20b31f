package io.emrpipeline.local.iam;

import static io.emrpipeline.local.iam.CapturedRequests.attempt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.emrpipeline.aws.EventBridgeDomainEvents;
import io.emrpipeline.aws.S3ObjectStore;
import io.emrpipeline.aws.SdkEmrServerless;
import io.emrpipeline.aws.SfnTaskCallbacks;
import io.emrpipeline.core.Json;
import io.emrpipeline.local.http.GatewayRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.emrserverless.EmrServerlessClient;
import software.amazon.awssdk.services.emrserverless.model.CreateApplicationRequest;
import software.amazon.awssdk.services.emrserverless.model.StartJobRunRequest;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * The action and resource IAM evaluates for each request the functions send, driven through the
 * functions' own AWS adapters so the mapper sees exactly what the SDK puts on the wire.
 */
class RequiredPermissionsTest {

    private static final String ACCOUNT = "123456789012";
    private static final String BUCKET = "emr-pipeline-local";
    private static final String APPLICATION = "arn:aws:emr-serverless:us-east-1:" + ACCOUNT + ":/applications/00fq2rhm4nqa3l09";
    private static final String ROLE = "arn:aws:iam::" + ACCOUNT + ":role/emr-pipeline-local-job-role";

    private final CapturedRequests wire = new CapturedRequests();
    private final TaskTokenOrigins taskTokens = new TaskTokenOrigins();
    private final RequiredPermissions permissions = new RequiredPermissions(ACCOUNT, taskTokens);
    private final S3Client s3 = wire.configure(S3Client.builder(), "LOCALSUBMITJOBRUN").forcePathStyle(true).build();
    private final EmrServerlessClient emrClient = wire.configure(EmrServerlessClient.builder(), "LOCALSUBMITJOBRUN").build();
    private final SfnClient sfn = wire.configure(SfnClient.builder(), "LOCALAWAITJOBRUN").build();
    private final EventBridgeClient eventBridge = wire.configure(EventBridgeClient.builder(), "LOCALAWAITJOBRUN").build();

    @AfterEach
    void closeClients() {
        s3.close();
        emrClient.close();
        sfn.close();
        eventBridge.close();
    }

    @Test
    void objectReadsWritesAndDeletesNeedTheObjectActionOnTheDecodedKey() {
        S3ObjectStore store = new S3ObjectStore(s3, BUCKET);
        attempt(() -> store.exists("entrypoints/ab12/bootstrap.py"));
        attempt(() -> store.get("runs/nightly run+1.json"));
        attempt(() -> store.put("runs/nightly run+1.json", new byte[] {1}, "application/json"));
        attempt(() -> store.delete("callbacks/00fq/00jr.json"));

        assertEquals(List.of(
                IamRequest.of("s3:GetObject", "arn:aws:s3:::emr-pipeline-local/entrypoints/ab12/bootstrap.py"),
                IamRequest.of("s3:GetObject", "arn:aws:s3:::emr-pipeline-local/runs/nightly run+1.json"),
                IamRequest.of("s3:PutObject", "arn:aws:s3:::emr-pipeline-local/runs/nightly run+1.json"),
                IamRequest.of("s3:DeleteObject", "arn:aws:s3:::emr-pipeline-local/callbacks/00fq/00jr.json")), mapped());
    }

    @Test
    void listingNeedsListBucketOnTheBucketAndOtherBucketCallsAreUnmapped() {
        attempt(() -> s3.listObjectsV2(r -> r.bucket(BUCKET).prefix("entrypoints/")));
        attempt(() -> s3.putObjectTagging(r -> r.bucket(BUCKET).key("runs/a.json").tagging(t -> t.tagSet(List.of()))));
        attempt(() -> s3.copyObject(r -> r.sourceBucket("elsewhere").sourceKey("a").destinationBucket(BUCKET).destinationKey("b")));
        attempt(() -> s3.putObject(r -> r.bucket(BUCKET).key("runs/b.json"), RequestBody.fromString("{}")));

        List<IamRequest> mapped = mapped();
        assertEquals(IamRequest.of("s3:ListBucket", "arn:aws:s3:::emr-pipeline-local"), mapped.get(0));
        assertFalse(mapped.get(1).mapped(), "tagging is s3:PutObjectTagging, not PutObject: " + mapped.get(1));
        assertFalse(mapped.get(2).mapped(), "a copy also reads its source: " + mapped.get(2));
        assertEquals(IamRequest.of("s3:PutObject", "arn:aws:s3:::emr-pipeline-local/runs/b.json"), mapped.get(3));
    }

    @Test
    void emrServerlessCallsAreScopedToTheApplicationOrTheJobRun() {
        SdkEmrServerless emr = new SdkEmrServerless(emrClient);
        attempt(() -> emr.getApplication("00fq2rhm4nqa3l09"));
        attempt(emr::listLiveApplications);
        attempt(() -> emr.getJobRun("00fq2rhm4nqa3l09", "00jr1"));
        attempt(() -> emr.cancelJobRun("00fq2rhm4nqa3l09", "00jr1"));
        attempt(() -> emr.listActiveJobRuns("00fq2rhm4nqa3l09"));
        attempt(() -> emr.createApplication(CreateApplicationRequest.builder().name("analytics").type("SPARK")
                .releaseLabel("emr-7.9.0").clientToken("t").build()));

        assertEquals(List.of(
                IamRequest.of("emr-serverless:GetApplication", APPLICATION),
                IamRequest.of("emr-serverless:ListApplications", "*"),
                IamRequest.of("emr-serverless:GetJobRun", APPLICATION + "/jobruns/00jr1"),
                IamRequest.of("emr-serverless:CancelJobRun", APPLICATION + "/jobruns/00jr1"),
                IamRequest.of("emr-serverless:ListJobRuns", APPLICATION),
                IamRequest.of("emr-serverless:CreateApplication", "*")), mapped());
    }

    @Test
    void startJobRunAlsoPassesTheExecutionRoleToEmrServerlessAndTagsTheNewRun() {
        SdkEmrServerless emr = new SdkEmrServerless(emrClient);
        attempt(() -> emr.startJobRun(StartJobRunRequest.builder().applicationId("00fq2rhm4nqa3l09").name("job:nightly")
                .clientToken("abc").executionRoleArn(ROLE).tags(Map.of("emr-pipeline:execution", "nightly")).build()));

        assertEquals(List.of(
                IamRequest.of("emr-serverless:StartJobRun", APPLICATION),
                new IamRequest("iam:PassRole", ROLE, Map.of("iam:PassedToService", "emr-serverless.amazonaws.com")),
                IamRequest.of("emr-serverless:TagResource", APPLICATION + "/jobruns/*")), mapped());
    }

    @Test
    void aTaskCallbackIsAuthorizedOnTheStateMachineThatIssuedItsToken() {
        String machine = "arn:aws:states:us-east-1:" + ACCOUNT + ":stateMachine:emr-pipeline";
        taskTokens.learnFromInvokePayload(Json.object().put("taskToken", "token-1").set("execution", Json.object()
                .put("arn", "arn:aws:states:us-east-1:" + ACCOUNT + ":execution:emr-pipeline:nightly")).toString().getBytes());
        SfnTaskCallbacks callbacks = new SfnTaskCallbacks(sfn);
        attempt(() -> callbacks.sendSuccess("token-1", "{}"));
        attempt(() -> callbacks.sendSuccess("token-of-nobody-known", "{}"));

        assertEquals(List.of(IamRequest.of("states:SendTaskSuccess", machine), IamRequest.of("states:SendTaskSuccess", "*")),
                mapped());
    }

    @Test
    void domainEventsNeedPutEventsOnTheirBus() {
        new EventBridgeDomainEvents(eventBridge, "emr-pipeline-local").publish("Job Run Submitted", Json.object());

        assertEquals(List.of(IamRequest.of("events:PutEvents", "arn:aws:events:us-east-1:" + ACCOUNT + ":event-bus/emr-pipeline-local")),
                mapped());
    }

    @Test
    void theCallLogKeepsOnlyFunctionCallsNamedByTheirAccessKey() {
        CallLog log = new CallLog(Map.of("LOCALSUBMITJOBRUN", "SubmitJobRun"), ACCOUNT);
        S3Client harness = wire.configure(S3Client.builder(), "local").forcePathStyle(true).build();
        attempt(() -> new S3ObjectStore(s3, BUCKET).exists("runs/a.json"));
        attempt(() -> harness.headObject(r -> r.bucket(BUCKET).key("runs/b.json")));
        harness.close();
        wire.take().forEach(log::record);

        List<RecordedCall> calls = log.drain();
        assertEquals(1, calls.size(), calls::toString);
        assertEquals("SubmitJobRun", calls.get(0).function());
        assertEquals(IamRequest.of("s3:GetObject", "arn:aws:s3:::emr-pipeline-local/runs/a.json"), calls.get(0).permission());
        assertTrue(calls.get(0).request().startsWith("HEAD /emr-pipeline-local/runs/a.json"), calls.get(0).request());
        assertTrue(log.drain().isEmpty(), "drained");
    }

    private List<IamRequest> mapped() {
        return wire.take().stream().map(GatewayRequest.class::cast).flatMap(request -> permissions.of(request).stream()).toList();
    }
}
