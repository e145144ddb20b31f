package io.emrpipeline.local.spark;

import io.emrpipeline.local.emr.JobRunSpec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ObjectCannedACL;

/**
 * Puts the driver's stdout and stderr where EMR Serverless puts them, gzip-compressed:
 * {@code <logUri>/applications/<applicationId>/jobs/<jobRunId>/SPARK_DRIVER/stdout.gz} and
 * {@code stderr.gz}, the objects the pipeline's result links point at. A retried run's later
 * attempts write under {@code <jobRunId>/attempts/<n>/SPARK_DRIVER/}, as EMR Serverless does.
 */
final class DriverLogs {

    private DriverLogs() {}

    /** The driver-log folder of a run; empty when the run has no S3 log URI. */
    static Optional<S3Location> folder(JobRunSpec spec) {
        if (spec.logUri() == null || spec.logUri().isBlank()) {
            return Optional.empty();
        }
        String attempt = spec.attempt() > 1 ? "/attempts/" + spec.attempt() : "";
        return Optional.of(S3Location.parse(spec.logUri())
                .child("applications/" + spec.applicationId() + "/jobs/" + spec.jobRunId() + attempt + "/SPARK_DRIVER/"));
    }

    /** @return the objects written (none without a log URI) */
    static List<S3Location> upload(S3Client s3, JobRunSpec spec, Path stdout, Path stderr) throws IOException {
        Optional<S3Location> folder = folder(spec);
        if (folder.isEmpty()) {
            return List.of();
        }
        return List.of(uploadOne(s3, stdout, folder.get().child("stdout.gz")),
                uploadOne(s3, stderr, folder.get().child("stderr.gz")));
    }

    private static S3Location uploadOne(S3Client s3, Path file, S3Location target) throws IOException {
        byte[] gzipped = gzip(Files.exists(file) ? Files.readAllBytes(file) : new byte[0]);
        // Readable without signing: the result's links are plain URLs a person opens (the gateway
        // passes them to moto, which refuses an unsigned GET of a private object).
        s3.putObject(r -> r.bucket(target.bucket()).key(target.key()).contentType("application/gzip")
                .acl(ObjectCannedACL.PUBLIC_READ), RequestBody.fromBytes(gzipped));
        return target;
    }

    static byte[] gzip(byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(content);
        }
        return bytes.toByteArray();
    }
}
