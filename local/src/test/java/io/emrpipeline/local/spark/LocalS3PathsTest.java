package io.emrpipeline.local.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocalS3PathsTest {

    private static final Path ROOT = Path.of("/work/run-1/s3");
    private final LocalS3Paths paths = new LocalS3Paths(ROOT);

    @Test
    void findsEveryUriThePackageModeDriverMentionsOnce() {
        String wheel = "s3://jobs-bucket/dist/wordstats-0.1.0-py3-none-any.whl";
        List<String> texts = List.of("s3://jobs-bucket/entrypoints/abc/emr_pipeline_bootstrap.py",
                "package", "--package", wheel, "--module", "wordstats.main", "--",
                "s3://data/in/text.txt", "s3://data/out/",
                "--conf", "spark.submit.pyFiles=" + wheel + ",s3://jobs-bucket/extra.zip",
                "--conf", "spark.archives=s3://jobs-bucket/env.tar.gz#environment");

        assertEquals(List.of("s3://jobs-bucket/entrypoints/abc/emr_pipeline_bootstrap.py", wheel,
                        "s3://data/in/text.txt", "s3://data/out/", "s3://jobs-bucket/extra.zip",
                        "s3://jobs-bucket/env.tar.gz"),
                LocalS3Paths.find(texts).stream().map(S3Location::uri).toList());
    }

    @Test
    void rewritesUrisInsideSettingsAndKeepsListsAliasesAndTrailingSlashes() {
        assertEquals("spark.submit.pyFiles=/work/run-1/s3/bkt/a.whl,/work/run-1/s3/bkt/c.zip",
                paths.rewrite("spark.submit.pyFiles=s3://bkt/a.whl,s3://bkt/c.zip"));
        assertEquals("spark.archives=/work/run-1/s3/bkt/env.tar.gz#environment",
                paths.rewrite("spark.archives=s3://bkt/env.tar.gz#environment"));
        assertEquals("/work/run-1/s3/bkt/output/wordcount/", paths.rewrite("s3://bkt/output/wordcount/"));
        assertEquals("--input=/work/run-1/s3/bkt/in.txt", paths.rewrite("--input=s3a://bkt/in.txt"));
        assertEquals("no uri here", paths.rewrite("no uri here"));
    }

    @Test
    void aFileUnderTheRootIsTheObjectItWasDownloadedFrom() {
        S3Location location = S3Location.parse("s3://bkt/output/wordcount/part-00000.csv");

        Path file = paths.pathOf(location);

        assertEquals(ROOT.resolve("bkt/output/wordcount/part-00000.csv"), file);
        assertEquals(location, paths.locationOf(file));
    }

    @Test
    void aKeyThatWouldClimbOutOfTheWorkDirectoryIsRefused() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> LocalS3Paths.find(List.of("s3://bkt/a/../../../etc/passwd")));
        assertTrue(refused.getMessage().contains("'..'"), refused.getMessage());
    }

    @Test
    void prefixesAreKeysEndingInASlashOrNothing() {
        assertTrue(S3Location.parse("s3://bkt/output/").namesPrefix());
        assertTrue(S3Location.parse("s3://bkt").namesPrefix());
        assertEquals("output/wordcount/", S3Location.parse("s3://bkt/output/wordcount").prefix());
        assertEquals("s3://bkt/logs/applications/a/", S3Location.parse("s3://bkt/logs").child("applications/a/").uri());
    }
}
