package io.emrpipeline.infra;

import java.util.List;
import java.util.Map;

/** The deployments the tests synthesize besides the defaults. */
final class Variants {

    static final String EXISTING_ROLE = "arn:aws:iam::111122223333:role/team-spark-jobs";
    static final String EXISTING_APPLICATION = "00fq2rhm4nqa3l09";

    /** Everything imported: an existing bucket, application and job role. */
    static final Map<String, Object> IMPORTED = Map.of(
            "bucketName", "team-data-pipeline",
            "createApplication", false,
            "applicationIds", List.of(EXISTING_APPLICATION),
            "createJobRole", false,
            "executionRoleArns", List.of(EXISTING_ROLE),
            "defaultExecutionRoleArn", EXISTING_ROLE);

    /** Requests may create applications; people get email; a custom image and warm capacity. */
    static final Map<String, Object> OPEN = Map.of(
            "allowCreateApplication", true,
            "notificationEmails", List.of("data-platform@example.com", "oncall@example.com"),
            "imageUri", "111122223333.dkr.ecr.eu-west-1.amazonaws.com/emr-pipeline-worker:1.0",
            "architecture", "ARM64",
            "initialDriverWorkers", 1,
            "initialExecutorWorkers", 2,
            "jobRoleReadS3Uris", List.of("s3://team-data/raw/"),
            "jobRoleWriteS3Uris", List.of("s3://team-data/curated/"));

    static final List<Map<String, Object>> ALL = List.of(SynthesizedPipeline.DEFAULTS, IMPORTED, OPEN);

    private Variants() {}
}
