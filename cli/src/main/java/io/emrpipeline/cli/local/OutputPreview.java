package io.emrpipeline.cli.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.emrpipeline.cli.output.Terminal;
import io.emrpipeline.local.spark.S3Location;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * After a local run: the first lines of what the job wrote, for each S3 location its arguments (or
 * a flyte job's command) name — alone or inside an option such as {@code --params root=s3://…} —
 * that now holds objects below it.
 */
final class OutputPreview {

    private static final Pattern S3_FOLDER = Pattern.compile("s3://[a-z0-9][a-z0-9.-]*[a-z0-9]/[^\\s,;=]*");
    private static final int LINES = 6;
    private static final int WIDTH = 100;

    private OutputPreview() {}

    static void print(JsonNode request, S3Client s3, Terminal terminal) {
        for (String text : folderUris(request.path("job"))) {
            // Read as a folder: an input file's URI lists nothing below it and is passed over.
            S3Location folder = S3Location.parse(text.endsWith("/") ? text : text + "/");
            List<S3Object> objects = s3.listObjectsV2(r -> r.bucket(folder.bucket()).prefix(folder.key())).contents();
            // One entry per dataset: the folder itself, or each folder of part files below it (a Kedro run's outputs).
            Map<String, List<S3Object>> datasets = new TreeMap<>();
            objects.forEach(object -> datasets.computeIfAbsent(datasetOf(folder.key(), object.key()), k -> new ArrayList<>())
                    .add(object));
            datasets.forEach((prefix, files) -> files.stream()
                    .filter(o -> o.size() > 0 && !name(o.key()).startsWith("_") && !name(o.key()).startsWith("."))
                    .min(Comparator.comparing(S3Object::key)).ifPresent(first -> {
                        terminal.out().println("  output s3://" + folder.bucket() + "/" + prefix + " (" + files.size()
                                + " objects), " + name(first.key()) + ":");
                        s3.getObjectAsBytes(r -> r.bucket(folder.bucket()).key(first.key())).asUtf8String().lines().limit(LINES)
                                .forEach(line -> terminal.out().println("    " + (line.length() > WIDTH ? line.substring(0, WIDTH) + "…" : line)));
                    }));
        }
    }

    /** The folder itself when the object lies directly in it, else the first folder below it. */
    private static String datasetOf(String folder, String key) {
        int slash = key.indexOf('/', folder.length());
        return slash < 0 ? folder : key.substring(0, slash + 1);
    }

    private static List<String> folderUris(JsonNode job) {
        List<String> folders = new ArrayList<>();
        for (String field : List.of("arguments", "command")) {
            for (JsonNode token : job.path(field)) {
                Matcher uri = S3_FOLDER.matcher(token.asText());
                while (uri.find()) {
                    if (!folders.contains(uri.group())) {
                        folders.add(uri.group());
                    }
                }
            }
        }
        return folders;
    }

    private static String name(String key) {
        return key.substring(key.lastIndexOf('/') + 1);
    }
}
