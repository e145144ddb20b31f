package io.emrpipeline.cli.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.emrpipeline.cli.output.Terminal;
import io.emrpipeline.local.spark.S3Location;
import java.util.Comparator;
import java.util.List;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/** After a local run: the first lines of what the job wrote, for each S3 folder argument that now holds objects. */
final class OutputPreview {

    private static final int LINES = 6;
    private static final int WIDTH = 100;

    private OutputPreview() {}

    static void print(JsonNode request, S3Client s3, Terminal terminal) {
        for (JsonNode argument : request.path("job").path("arguments")) {
            String text = argument.asText();
            if (!text.startsWith("s3://") || !text.endsWith("/")) {
                continue;
            }
            S3Location folder = S3Location.parse(text);
            List<S3Object> objects = s3.listObjectsV2(r -> r.bucket(folder.bucket()).prefix(folder.key())).contents();
            objects.stream().filter(o -> o.size() > 0 && !name(o.key()).startsWith("_") && !name(o.key()).startsWith("."))
                    .min(Comparator.comparing(S3Object::key)).ifPresent(first -> {
                        terminal.out().println("  output " + folder + " (" + objects.size() + " objects), " + name(first.key()) + ":");
                        s3.getObjectAsBytes(r -> r.bucket(folder.bucket()).key(first.key())).asUtf8String().lines().limit(LINES)
                                .forEach(line -> terminal.out().println("    " + (line.length() > WIDTH ? line.substring(0, WIDTH) + "…" : line)));
                    });
        }
    }

    private static String name(String key) {
        return key.substring(key.lastIndexOf('/') + 1);
    }
}
