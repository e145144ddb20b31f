package io.emrpipeline.local.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Copies a job run's S3 locations into its work directory before the run ({@link #download})
 * and the changes the run made back afterwards ({@link #publishChanges}), so a local Spark that
 * only knows files reads and writes "S3". Locations that hold nothing yet (outputs) are simply
 * not downloaded; what the job writes there is new, and is uploaded.
 */
final class S3Mirror {

    private final S3Client s3;
    private final LocalS3Paths paths;
    /** Each downloaded file and what it looked like then: a change means the job wrote to it. */
    private final Map<Path, FileState> downloaded = new HashMap<>();

    private record FileState(long size, FileTime modified) {}

    /** What {@link #publishChanges} did, for the run's log. */
    record Published(List<S3Location> uploaded, List<S3Location> deleted) {}

    S3Mirror(S3Client s3, LocalS3Paths paths) {
        this.s3 = s3;
        this.paths = paths;
    }

    /** Downloads each location that exists: an object to its file, a prefix to the files under it. */
    void download(Collection<S3Location> locations) throws IOException {
        Files.createDirectories(paths.root());
        for (S3Location location : locations) {
            if (!location.namesPrefix() && objectExists(location)) {
                downloadObject(location);
            } else if (!location.key().isEmpty()) {
                // Never a whole bucket: a bare s3://bucket/ is a place to write, not something to read.
                for (S3Object object : listUnder(location)) {
                    downloadObject(new S3Location(location.bucket(), object.key()));
                }
            }
            Files.createDirectories(paths.pathOf(location).getParent());
        }
    }

    /**
     * Uploads every file under the work directory's S3 root that is new or changed, and deletes
     * the objects whose downloaded files the job removed (Spark's overwrite mode does that).
     * Hadoop's local checksum files ({@code .name.crc}) are not part of the output and stay local.
     */
    Published publishChanges() throws IOException {
        List<S3Location> uploaded = new ArrayList<>();
        List<S3Location> deleted = new ArrayList<>();
        if (!Files.isDirectory(paths.root())) {
            return new Published(uploaded, deleted);
        }
        try (Stream<Path> files = Files.walk(paths.root())) {
            for (Path file : files.filter(Files::isRegularFile).filter(S3Mirror::isOutput).toList()) {
                FileState before = downloaded.get(file);
                if (before == null || !before.equals(stateOf(file))) {
                    S3Location location = paths.locationOf(file);
                    s3.putObject(r -> r.bucket(location.bucket()).key(location.key()), RequestBody.fromFile(file));
                    uploaded.add(location);
                }
            }
        }
        for (Path file : downloaded.keySet()) {
            if (!Files.exists(file)) {
                S3Location location = paths.locationOf(file);
                s3.deleteObject(r -> r.bucket(location.bucket()).key(location.key()));
                deleted.add(location);
            }
        }
        return new Published(uploaded, deleted);
    }

    private static boolean isOutput(Path file) {
        String name = file.getFileName().toString();
        return !(name.startsWith(".") && name.endsWith(".crc"));
    }

    private boolean objectExists(S3Location location) {
        try {
            s3.headObject(r -> r.bucket(location.bucket()).key(location.key()));
            return true;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    private List<S3Object> listUnder(S3Location location) {
        try {
            return s3.listObjectsV2Paginator(r -> r.bucket(location.bucket()).prefix(location.prefix()))
                    .contents().stream()
                    .filter(object -> !object.key().endsWith("/"))
                    .toList();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                // No such bucket: nothing to read; an output there fails at upload, naming the bucket.
                return List.of();
            }
            throw e;
        }
    }

    private void downloadObject(S3Location location) throws IOException {
        Path file = paths.pathOf(location);
        if (downloaded.containsKey(file)) {
            return;
        }
        Files.createDirectories(file.getParent());
        Files.deleteIfExists(file);
        s3.getObject(r -> r.bucket(location.bucket()).key(location.key()), ResponseTransformer.toFile(file));
        downloaded.put(file, stateOf(file));
    }

    private static FileState stateOf(Path file) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        return new FileState(attributes.size(), attributes.lastModifiedTime());
    }
}
