package io.emrpipeline.local.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.emrpipeline.local.LocalAws;
import io.emrpipeline.local.MotoExecutable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/** What a job run reads comes down from S3, and exactly what it changed goes back up. */
class S3MirrorIT {

    private static final String BUCKET = "mirror-test";

    private static LocalAws aws;
    private static S3Client s3;

    @BeforeAll
    static void start() throws Exception {
        aws = LocalAws.start(MotoExecutable.require(), Path.of("target", "moto-logs"));
        s3 = S3Client.builder().endpointOverride(aws.endpoint()).forcePathStyle(true).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build();
        s3.createBucket(r -> r.bucket(BUCKET));
    }

    @AfterAll
    static void stop() {
        s3.close();
        aws.close();
    }

    @Test
    void downloadsObjectsAndPrefixesThenPublishesNewChangedAndDeletedFiles(@TempDir Path work) throws Exception {
        for (String key : List.of("jobs/job.py", "data/a.txt", "data/b.txt", "output/part-old.csv")) {
            s3.putObject(r -> r.bucket(BUCKET).key(key), RequestBody.fromString("content of " + key));
        }
        LocalS3Paths paths = new LocalS3Paths(work.resolve("s3"));
        S3Mirror mirror = new S3Mirror(s3, paths);

        mirror.download(LocalS3Paths.find(List.of("s3://mirror-test/jobs/job.py", "s3://mirror-test/data",
                "s3://mirror-test/output/", "s3://mirror-test/fresh/")));

        Path root = work.resolve("s3/mirror-test");
        assertEquals("content of data/b.txt", Files.readString(root.resolve("data/b.txt")));

        // What a Spark job in overwrite mode does: replaces the output, plus Hadoop's checksum file.
        Files.delete(root.resolve("output/part-old.csv"));
        Files.writeString(root.resolve("output/part-new.csv"), "word,count");
        Files.writeString(root.resolve("output/.part-new.csv.crc"), "checksum");
        Files.createDirectories(root.resolve("fresh"));
        Files.writeString(root.resolve("fresh/_SUCCESS"), "");
        S3Mirror.Published published = mirror.publishChanges();

        assertEquals(Set.of("s3://mirror-test/output/part-new.csv", "s3://mirror-test/fresh/_SUCCESS"),
                Set.copyOf(published.uploaded().stream().map(S3Location::uri).toList()));
        assertEquals(List.of("s3://mirror-test/output/part-old.csv"),
                published.deleted().stream().map(S3Location::uri).toList());
        assertEquals(Set.of("jobs/job.py", "data/a.txt", "data/b.txt", "output/part-new.csv", "fresh/_SUCCESS"),
                Set.copyOf(s3.listObjectsV2(r -> r.bucket(BUCKET)).contents().stream().map(S3Object::key).toList()));
    }
}
