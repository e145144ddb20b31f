package io.emrpipeline.local.spark;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Puts into the local S3 what an example's job request reads. The examples' URIs follow one
 * rule: {@code s3://<local bucket>/examples/<path>} is the repository's {@code examples/<path>};
 * a {@code .whl} there that does not exist in the repository is built from the project whose
 * {@code pyproject.toml} sits in that folder. URIs elsewhere (outputs) are left alone.
 */
public final class ExampleUploads {

    private static final String EXAMPLES = "examples/";

    private ExampleUploads() {}

    /**
     * @param scratch a directory for the wheel build
     * @return the objects uploaded
     * @throws IllegalStateException when the request refers to an example file that is not there
     */
    public static List<S3Location> upload(JsonNode jobRequest, String bucket, Path repoRoot, S3Client s3, Path scratch)
            throws IOException, InterruptedException {
        List<S3Location> uploaded = new ArrayList<>();
        for (S3Location location : LocalS3Paths.find(List.of(jobRequest.toString()))) {
            if (!location.bucket().equals(bucket) || !location.key().startsWith(EXAMPLES) || location.namesPrefix()) {
                continue;
            }
            Path file = localFile(location, repoRoot, scratch);
            s3.putObject(r -> r.bucket(location.bucket()).key(location.key()), RequestBody.fromFile(file));
            uploaded.add(location);
        }
        return uploaded;
    }

    private static Path localFile(S3Location location, Path repoRoot, Path scratch)
            throws IOException, InterruptedException {
        Path file = repoRoot.resolve(location.key());
        if (Files.isRegularFile(file)) {
            return file;
        }
        Path project = file.getParent();
        if (location.key().endsWith(".whl") && Files.isRegularFile(project.resolve("pyproject.toml"))) {
            Path wheel = WheelBuild.build(repoRoot.resolve(".venv/bin/pip"), project, scratch)
                    .resolve(file.getFileName().toString());
            if (!Files.isRegularFile(wheel)) {
                throw new IllegalStateException("the job request names " + location + ", but building "
                        + repoRoot.relativize(project) + " made no " + file.getFileName()
                        + " (is the version in pyproject.toml the one in the file name?)");
            }
            return wheel;
        }
        throw new IllegalStateException("the job request reads " + location + ", but " + repoRoot.relativize(file)
                + " does not exist");
    }
}
