package io.emrpipeline.local.spark;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** One job run's work directory: {@code s3/} (the S3 mirror), {@code stdout.log}, {@code stderr.log}. */
record RunFiles(Path directory, LocalS3Paths s3, Path stdout, Path stderr) {

    /** How much of the end of an output file is searched for the failure's exceptions. */
    static final int TAIL_BYTES = 64 * 1024;

    static RunFiles create(Path workRoot, String jobRunId) throws IOException {
        Path directory = Files.createDirectories(workRoot.resolve(jobRunId));
        return new RunFiles(directory, new LocalS3Paths(directory.resolve("s3")), directory.resolve("stdout.log"),
                directory.resolve("stderr.log"));
    }

    List<String> stdoutTail() {
        return tail(stdout);
    }

    List<String> stderrTail() {
        return tail(stderr);
    }

    static List<String> tail(Path file) {
        if (!Files.exists(file)) {
            return List.of();
        }
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long start = Math.max(0, in.length() - TAIL_BYTES);
            byte[] bytes = new byte[(int) (in.length() - start)];
            in.seek(start);
            in.readFully(bytes);
            List<String> lines = Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\\R"));
            // The first line is probably cut in the middle when the file is longer than the tail.
            return start > 0 && lines.size() > 1 ? lines.subList(1, lines.size()) : lines;
        } catch (IOException e) {
            return List.of("(could not read " + file + ": " + e.getMessage() + ")");
        }
    }
}
