package io.emrpipeline.local.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DriverArchivesTest {

    @TempDir
    Path work;

    @Test
    void findsTheArchivesOfBothTheConfAndTheOption() {
        assertEquals(List.of("/a/env.tar.gz#environment", "/a/data.zip", "/a/more.tgz#more"),
                DriverArchives.archives(List.of("--conf", "spark.archives=/a/env.tar.gz#environment,/a/data.zip",
                        "--conf", "spark.sql.shuffle.partitions=4", "--archives", "/a/more.tgz#more")));
    }

    @Test
    void unpacksATarUnderItsAliasKeepingSymlinks() throws Exception {
        Path venv = Files.createDirectories(work.resolve("venv/bin"));
        Files.writeString(venv.resolve("python3.11"), "#!/bin/sh\n");
        Files.createSymbolicLink(venv.resolve("python"), Path.of("python3.11"));
        Path archive = work.resolve("env.tar.gz");
        Process tar = new ProcessBuilder("tar", "-czf", archive.toString(), "-C", work.resolve("venv").toString(), "bin")
                .inheritIO().start();
        assertEquals(0, tar.waitFor());
        Path driver = Files.createDirectories(work.resolve("driver"));

        Set<String> aliases = DriverArchives.unpack(List.of("--conf", "spark.archives=" + archive + "#environment"), driver);

        assertEquals(Set.of("environment"), aliases);
        assertTrue(Files.isSymbolicLink(driver.resolve("environment/bin/python")));
    }

    @Test
    void unpacksAZipUnderItsFileNameWhenItHasNoAlias() throws Exception {
        Path archive = work.resolve("data.zip");
        zip(archive, "rows/a.txt");
        Path driver = Files.createDirectories(work.resolve("driver"));

        assertEquals(Set.of("data.zip"), DriverArchives.unpack(List.of("--archives", archive.toString()), driver));
        assertEquals("rows/a.txt", Files.readString(driver.resolve("data.zip/rows/a.txt")));
    }

    @Test
    void refusesAMissingArchiveAnEscapingEntryAndABadAlias() throws Exception {
        Path escaping = work.resolve("bad.zip");
        zip(escaping, "../outside.txt");
        Path driver = Files.createDirectories(work.resolve("driver"));
        for (String archive : List.of(work.resolve("missing.tgz").toString(), escaping.toString(),
                escaping + "#../up")) {
            assertThrows(IllegalArgumentException.class,
                    () -> DriverArchives.unpack(List.of("--archives", archive), driver), archive);
        }
    }

    private static void zip(Path archive, String entry) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(archive))) {
            zip.putNextEntry(new ZipEntry(entry));
            zip.write(entry.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
    }
}
