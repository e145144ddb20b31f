package io.emrpipeline.infra.constructs;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.IBucket;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.constructs.Construct;

/**
 * The one bucket of a deployment, one prefix per kind of object: staged bootstraps under
 * entrypoints/, run records under runs/, task tokens under callbacks/, default job logs under
 * logs/. A created bucket is private, TLS-only and encrypted, and expires what the pipeline
 * leaves behind; it is retained on stack deletion because job logs are the team's data.
 */
public final class JobBucket extends Construct {

    public static final String ENTRYPOINTS = "entrypoints/";
    public static final String RUNS = "runs/";
    public static final String CALLBACKS = "callbacks/";
    /** Who finished each job run's end: kept as long as run records, so a late duplicate event finds it. */
    public static final String CLAIMS = "claims/";
    public static final String LOGS = "logs/";

    private final IBucket bucket;

    public JobBucket(Construct scope, String id, JobBucketProps props) {
        super(scope, id);
        if (props.existingBucketName().isPresent()) {
            this.bucket = Bucket.fromBucketName(this, "Imported", props.existingBucketName().get());
            Annotations.of(this).addWarningV2("emr-pipeline:imported-bucket", "Bucket " + props.existingBucketName().get()
                    + " is imported: its public access block, TLS policy, encryption and the expiry of runs/ and callbacks/"
                    + " are not managed by this stack (see docs/deploy.md).");
        } else {
            this.bucket = Bucket.Builder.create(this, "Bucket")
                    .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                    .enforceSsl(true)
                    .minimumTlsVersion(1.2)
                    .encryption(BucketEncryption.S3_MANAGED)
                    .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
                    .lifecycleRules(lifecycleRules(props))
                    .removalPolicy(RemovalPolicy.RETAIN)
                    .build();
            Acknowledge.rule(bucket, "AwsSolutions-S1", "Only the pipeline's own roles and its jobs' runtime roles use this"
                    + " bucket, and every object is named by execution or job run; CloudTrail data events are the audit"
                    + " record if one is required. Access logs would need a second bucket per deployment.");
        }
    }

    public IBucket bucket() {
        return bucket;
    }

    /** The ARN pattern of every object under one of this bucket's prefixes. */
    public String objectsUnder(String prefix) {
        return bucket.arnForObjects(prefix + "*");
    }

    private static List<LifecycleRule> lifecycleRules(JobBucketProps props) {
        List<LifecycleRule> rules = new ArrayList<>();
        rules.add(expire("ExpireRunRecords", RUNS, props.runRecordExpirationDays()));
        rules.add(expire("ExpireClaims", CLAIMS, props.runRecordExpirationDays()));
        // Callbacks are deleted when a wait completes; what remains belongs to executions that ended otherwise.
        rules.add(expire("ExpireCallbacks", CALLBACKS, props.callbackExpirationDays()));
        if (props.logExpirationDays() > 0) {
            rules.add(expire("ExpireJobLogs", LOGS, props.logExpirationDays()));
        }
        rules.add(LifecycleRule.builder().id("AbortIncompleteUploads")
                .abortIncompleteMultipartUploadAfter(Duration.days(7)).build());
        return rules;
    }

    private static LifecycleRule expire(String id, String prefix, int days) {
        return LifecycleRule.builder().id(id).prefix(prefix).expiration(Duration.days(days)).build();
    }
}
