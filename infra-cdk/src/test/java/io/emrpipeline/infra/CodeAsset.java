package io.emrpipeline.infra;

import io.emrpipeline.local.lambda.runtime.RuntimeFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The code the synthesized template deploys, laid out as Lambda lays it out: the functions' asset
 * (the file the cloud assembly uploads to S3) unzipped into a task root, as Lambda unzips a
 * deployment package into {@code /var/task}.
 */
final class CodeAsset {

    private CodeAsset() {}

    /**
     * The local runtime's files with the task root replaced by the template's one code asset.
     * Assets are named by the hash of their content, so an unpacked one is reused as it is.
     */
    static RuntimeFiles taskRoot(SynthesizedPipeline synthesized, RuntimeFiles local) {
        List<String> keys = TemplateFunction.javaFunctionsIn(synthesized.json()).stream()
                .map(TemplateFunction::codeKey).distinct().toList();
        if (keys.size() != 1) {
            throw new AssertionError("expected the Java functions to share one code asset, found " + keys);
        }
        Path asset = synthesized.templateFile().getParent().resolve("asset." + keys.get(0));
        if (!Files.isRegularFile(asset)) {
            throw new AssertionError("the template deploys " + keys.get(0) + ", which is not in the cloud assembly: " + asset);
        }
        Path taskRoot = Path.of("target", "deployed-code", keys.get(0).replaceFirst("\\.jar$", "")).toAbsolutePath();
        if (!Files.isDirectory(taskRoot)) {
            unzip(asset, taskRoot);
        }
        return new RuntimeFiles(local.emulator(), local.clientClasspath(), local.nativeLibrary(), taskRoot, local.java());
    }

    private static void unzip(Path archive, Path target) {
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        try (InputStream file = Files.newInputStream(archive); ZipInputStream zip = new ZipInputStream(file)) {
            Files.createDirectories(partial);
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                Path destination = partial.resolve(entry.getName()).normalize();
                if (!destination.startsWith(partial)) {
                    throw new IOException("entry outside the archive's root: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(destination);
                } else {
                    Files.createDirectories(destination.getParent());
                    Files.copy(zip, destination, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            // Whole or not at all: an interrupted unpacking is never taken for a task root.
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack " + archive, e);
        }
    }
}
