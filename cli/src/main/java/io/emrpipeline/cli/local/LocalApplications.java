package io.emrpipeline.cli.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.emrpipeline.core.Json;
import io.emrpipeline.local.LocalPipeline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The EMR Serverless applications a fresh local pipeline needs: each one a job request names (by
 * name, without asking the pipeline to create it) exists before the request is submitted, as the
 * platform team's application exists in an account.
 */
final class LocalApplications {

    private LocalApplications() {}

    /** The application a request names by name (not id, not to be created), if any. */
    static Set<String> namedBy(JsonNode request) {
        JsonNode application = request.path("application");
        return application.hasNonNull("name") && !application.has("create") ? Set.of(application.get("name").asText()) : Set.of();
    }

    /** Every application the repository's examples/*&#47;job-request.json name. */
    static Set<String> namedByExamples(Path repoRoot) throws IOException {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> folders = Files.list(repoRoot.resolve("examples"))) {
            for (Path request : folders.map(folder -> folder.resolve("job-request.json")).filter(Files::isRegularFile).toList()) {
                names.addAll(namedBy(Json.parse(Files.readAllBytes(request))));
            }
        }
        return names;
    }

    /** @return name to application id */
    static Map<String, String> create(LocalPipeline pipeline, Set<String> names) {
        Map<String, String> ids = new LinkedHashMap<>();
        names.forEach(name -> ids.put(name, pipeline.createApplication(name)));
        return ids;
    }
}
