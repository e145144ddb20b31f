package io.emrpipeline.infra.settings;

import java.util.Optional;

/**
 * The job bucket.
 *
 * @param existingBucketName bucketName: use this bucket instead of creating one
 * @param runRecordExpirationDays runRecordExpirationDays: lifetime of runs/ objects
 * @param callbackExpirationDays callbackExpirationDays: lifetime of callbacks/ objects left behind
 * @param logExpirationDays logExpirationDays: lifetime of logs/ objects, 0 to keep them
 */
public record BucketSettings(
        Optional<String> existingBucketName,
        int runRecordExpirationDays,
        int callbackExpirationDays,
        int logExpirationDays) {}
