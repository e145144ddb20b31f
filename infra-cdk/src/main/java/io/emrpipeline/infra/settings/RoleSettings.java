package io.emrpipeline.infra.settings;

import java.util.List;
import java.util.Optional;

/**
 * The job runtime roles: the one the stack may create and the existing ones requests may use.
 *
 * @param createJobRole createJobRole: the stack creates a job runtime role (allowed, and the default)
 * @param allowedRoleArns executionRoleArns: existing roles a request may name
 * @param defaultRoleArn defaultExecutionRoleArn: the role of a request that names none
 * @param jobReadS3Uris jobRoleReadS3Uris: what the created role may read (s3://bucket/prefix)
 * @param jobWriteS3Uris jobRoleWriteS3Uris: what the created role may write
 */
public record RoleSettings(
        boolean createJobRole,
        List<String> allowedRoleArns,
        Optional<String> defaultRoleArn,
        List<String> jobReadS3Uris,
        List<String> jobWriteS3Uris) {}
