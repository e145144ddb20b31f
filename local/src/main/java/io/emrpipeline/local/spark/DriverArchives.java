package io.emrpipeline.local.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The job's archives ({@code spark.archives}, {@code --archives}) unpacked into the driver's
 * working directory, each under its {@code #alias} (its file name when it has none), before the
 * driver starts: what EMR Serverless does for driver and executors. A local spark-submit would
 * only unpack them into its own temporary directory once the SparkContext exists, too late for a
 * {@code PYSPARK_PYTHON=./environment/bin/python} to point at.
 */
final class DriverArchives {

    private DriverArchives() {}

    /**
     * @param options the job's spark-submit options, S3 already mapped to local files
     * @return the aliases unpacked, each a directory of {@code workDirectory}
     * @throws IllegalArgumentException when an archive is missing, of a kind Spark does not unpack, or unsafe
     */
    static Set<String> unpack(List<String> options, Path workDirectory) throws IOException, InterruptedException {
        Set<String> aliases = new LinkedHashSet<>();
        for (String archive : archives(options)) {
            int hash = archive.indexOf('#');
            Path file = Path.of(hash < 0 ? archive : archive.substring(0, hash));
            String alias = hash < 0 ? file.getFileName().toString() : archive.substring(hash + 1);
            if (alias.isEmpty() || alias.contains("/") || alias.equals("..") || alias.equals(".")) {
                throw new IllegalArgumentException("the archive alias in " + archive + " is not a directory name");
            }
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("the archive " + archive + " does not exist");
            }
            Path target = Files.createDirectories(workDirectory.resolve(alias));
            unpack(file, target);
            aliases.add(alias);
        }
        return aliases;
    }

    /** Every entry of every {@code spark.archives} and {@code --archives} list, in order. */
    static List<String> archives(List<String> options) {
        List<String> archives = new ArrayList<>();
        for (int i = 0; i + 1 < options.size(); i++) {
            String value = options.get(i + 1);
            String list = null;
            if (options.get(i).equals("--archives")) {
                list = value;
            } else if (options.get(i).equals("--conf") && value.startsWith("spark.archives=")) {
                list = value.substring("spark.archives=".length());
            }
            if (list != null) {
                for (String entry : list.split(",")) {
                    if (!entry.isBlank()) {
                        archives.add(entry.strip());
                    }
                }
            }
        }
        return archives;
    }

    private static void unpack(Path file, Path target) throws IOException, InterruptedException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".tar.gz") || name.endsWith(".tgz") || name.endsWith(".tar")) {
            // tar keeps the symlinks a packed venv holds (bin/python -> the base interpreter), as Spark's unpack does.
            untar(file, target);
        } else if (name.endsWith(".zip") || name.endsWith(".jar")) {
            unzip(file, target);
        } else {
            throw new IllegalArgumentException(file.getFileName() + " is not an archive Spark unpacks"
                    + " (.tar.gz, .tgz, .tar, .zip, .jar)");
        }
    }

    private static void untar(Path file, Path target) throws IOException, InterruptedException {
        Path log = target.resolveSibling(target.getFileName() + ".unpack.log");
        Process tar = new ProcessBuilder("tar", "-xf", file.toString(), "-C", target.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        int exitCode = tar.waitFor();
        if (exitCode != 0) {
            throw new IllegalArgumentException("cannot unpack " + file.getFileName() + " (tar exit " + exitCode + ": "
                    + String.join(" ", RunFiles.tail(log)).strip() + ")");
        }
        Files.deleteIfExists(log);
    }

    private static void unzip(Path file, Path target) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                Path path = target.resolve(entry.getName()).normalize();
                if (!path.startsWith(target)) {
                    throw new IllegalArgumentException(file.getFileName() + " has an entry outside its root: "
                            + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                } else {
                    Files.createDirectories(path.getParent());
                    Files.copy(zip, path, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
