package io.emrpipeline.cli.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.emrpipeline.cli.CliError;
import io.emrpipeline.cli.targets.LocalEndpoint;
import io.emrpipeline.local.spark.ExampleUploads;
import io.emrpipeline.local.spark.S3Location;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Against the local pipeline, a request that reads the repository's examples
 * ({@code s3://emr-pipeline-local/examples/...}) gets those files uploaded first (its wheel built
 * when it names one), as {@code make run} always did: the local bucket starts empty.
 */
public final class LocalExamples {

    private LocalExamples() {}

    public static List<S3Location> upload(JsonNode request, String bucket, S3Client s3) throws InterruptedException {
        Path repoRoot = LocalEndpoint.repositoryRoot();
        try {
            Path scratch = Files.createTempDirectory(Files.createDirectories(repoRoot.resolve("local/target/cli")), "build-");
            return ExampleUploads.upload(request, bucket, repoRoot, s3, scratch);
        } catch (IOException | IllegalStateException e) {
            throw CliError.badRequest("cannot upload the example files the request reads: " + e.getMessage(),
                    "check the s3://" + bucket + "/examples/... paths in the request name files under examples/");
        }
    }
}
