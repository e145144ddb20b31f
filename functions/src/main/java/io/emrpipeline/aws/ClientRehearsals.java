package io.emrpipeline.aws;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.emrserverless.EmrServerlessClient;
import software.amazon.awssdk.services.emrserverless.model.JobRunState;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * The SDK calls the adapters of this package make, with placeholder arguments of the same shape,
 * for {@link AwsClients#rehearse()}: each operation's marshaller, endpoint rules and signer, and
 * its response unmarshaller on an empty answer. Kept beside the adapters, so a call added there
 * is added here.
 */
final class ClientRehearsals {

    private static final String APPLICATION = "00fprimingapp000";
    private static final String JOB_RUN = "00fprimingrun000";
    private static final String KEY = "priming/rehearsal.json";

    private ClientRehearsals() {}

    /** {@link SdkEmrServerless}: GetApplication, ListApplications, StartJobRun, GetJobRun, CancelJobRun, ListJobRuns. */
    static List<Runnable> emrServerless(EmrServerlessClient emr) {
        return List.of(
                () -> emr.getApplication(r -> r.applicationId(APPLICATION)),
                () -> emr.listApplicationsPaginator(r -> r.maxResults(50)).applications().forEach(application -> { }),
                () -> emr.startJobRun(r -> r.applicationId(APPLICATION).name("priming:priming").clientToken("priming")
                        .executionRoleArn("arn:aws:iam::111122223333:role/priming")
                        .jobDriver(d -> d.sparkSubmit(s -> s.entryPoint("s3://priming-bucket/job.py")
                                .entryPointArguments("a").sparkSubmitParameters("--conf a=b")))
                        .configurationOverrides(c -> c.monitoringConfiguration(m -> m.s3MonitoringConfiguration(
                                s3 -> s3.logUri("s3://priming-bucket/logs/"))))
                        .executionTimeoutMinutes(60L).tags(Map.of("team", "priming"))),
                () -> emr.getJobRun(r -> r.applicationId(APPLICATION).jobRunId(JOB_RUN)),
                () -> emr.cancelJobRun(r -> r.applicationId(APPLICATION).jobRunId(JOB_RUN)),
                () -> emr.listJobRunsPaginator(r -> r.applicationId(APPLICATION).states(JobRunState.RUNNING))
                        .jobRuns().forEach(run -> { }));
    }

    /** {@link S3ObjectStore}: HeadObject, PutObject, GetObject, DeleteObject. */
    static List<Runnable> s3(S3Client s3, String bucket) {
        return List.of(
                () -> s3.headObject(r -> r.bucket(bucket).key(KEY)),
                () -> s3.putObject(r -> r.bucket(bucket).key(KEY).contentType("application/json"),
                        RequestBody.fromBytes("{\"priming\":true}".getBytes(StandardCharsets.UTF_8))),
                () -> s3.getObjectAsBytes(r -> r.bucket(bucket).key(KEY)).asByteArray(),
                () -> s3.deleteObject(r -> r.bucket(bucket).key(KEY)));
    }

    /** {@link SfnTaskCallbacks}: SendTaskSuccess. */
    static List<Runnable> stepFunctions(SfnClient sfn) {
        return List.of(() -> sfn.sendTaskSuccess(r -> r.taskToken("priming").output("{\"priming\":true}")));
    }

    /** {@link EventBridgeDomainEvents}: PutEvents. */
    static List<Runnable> eventBridge(EventBridgeClient eventBridge) {
        return List.of(() -> eventBridge.putEvents(r -> r.entries(e -> e.eventBusName("priming")
                .source("priming").detailType("Priming").detail("{\"priming\":true}"))));
    }
}
