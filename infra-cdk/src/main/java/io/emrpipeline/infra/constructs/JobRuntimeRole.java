package io.emrpipeline.infra.constructs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.constructs.Construct;

/**
 * The role EMR Serverless job runs assume. It may read the staged bootstraps and write the
 * default job logs; anything else a job touches is listed by the deployment
 * (jobRoleReadS3Uris / jobRoleWriteS3Uris) or attached to the role by the team afterwards.
 */
public final class JobRuntimeRole extends Construct {

    private final Role role;

    public JobRuntimeRole(Construct scope, String id, JobRuntimeRoleProps props) {
        super(scope, id);
        // Only EMR Serverless of this account may assume it (confused-deputy guard).
        this.role = Role.Builder.create(this, "Role")
                .assumedBy(new ServicePrincipal("emr-serverless.amazonaws.com").withConditions(Map.of(
                        "StringEquals", Map.of("aws:SourceAccount", Aws.ACCOUNT_ID))))
                .description("Job runtime role of emr-pipeline job runs")
                .build();
        JobBucket bucket = props.jobBucket();
        List<PolicyStatement> statements = new ArrayList<>();
        statements.add(allow(List.of("s3:GetObject"), List.of(bucket.objectsUnder(JobBucket.ENTRYPOINTS))));
        statements.add(allow(List.of("s3:PutObject", "s3:GetObject"), List.of(bucket.objectsUnder(JobBucket.LOGS))));
        for (String uri : props.readS3Uris()) {
            statements.add(allow(List.of("s3:GetObject"), List.of(objects(uri))));
            statements.add(allow(List.of("s3:ListBucket"), List.of(bucketArn(uri))));
        }
        for (String uri : props.writeS3Uris()) {
            statements.add(allow(List.of("s3:GetObject", "s3:PutObject", "s3:DeleteObject"), List.of(objects(uri))));
            statements.add(allow(List.of("s3:ListBucket"), List.of(bucketArn(uri))));
        }
        statements.forEach(role::addToPolicy);
        Acknowledge.wildcardResources(role, statements, resource -> resource.contains(JobBucket.ENTRYPOINTS)
                || resource.contains(JobBucket.LOGS)
                ? "Jobs read the staged bootstraps under entrypoints/ and write their logs under logs/ (keys made at run time)."
                : "An S3 location the deployment listed in jobRoleReadS3Uris / jobRoleWriteS3Uris for its jobs' data.");
    }

    public Role role() {
        return role;
    }

    private static String objects(String s3Uri) {
        String path = s3Uri.substring("s3://".length());
        return "arn:" + Aws.PARTITION + ":s3:::" + path + (path.contains("/") ? "" : "/") + "*";
    }

    private static String bucketArn(String s3Uri) {
        String path = s3Uri.substring("s3://".length());
        int slash = path.indexOf('/');
        return "arn:" + Aws.PARTITION + ":s3:::" + (slash < 0 ? path : path.substring(0, slash));
    }

    private static PolicyStatement allow(List<String> actions, List<String> resources) {
        return PolicyStatement.Builder.create().actions(actions).resources(resources).build();
    }
}
