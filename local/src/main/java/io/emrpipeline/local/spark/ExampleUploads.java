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
 * a file there that the repository does not hold is built from the sources beside it (a wheel,
 * a jar, a bundle, a venv archive: see {@link ExampleBuilds}). URIs elsewhere (outputs) are left alone.
 */
public final class ExampleUploads {

    private static final String EXAMPLES = "examples/";

    private ExampleUploads() {}

    /**
     * @param scratch a directory for the builds
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
        Path built = ExampleBuilds.build(file, repoRoot, scratch.resolve(file.getParent().getFileName().toString()))
                .orElseThrow(() -> new IllegalStateException("the job request reads " + location + ", but "
                        + repoRoot.relativize(file) + " does not exist"));
        if (!Files.isRegularFile(built)) {
            throw new IllegalStateException("the job request names " + location + ", but building it made no "
                    + built.getFileName() + " (is the version in the project's metadata the one in the file name?)");
        }
        return built;
    }
}
