package io.emrpipeline.cli.targets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.emrpipeline.contract.RepositoryRoot;
import io.emrpipeline.core.Json;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;

/**
 * The running local pipeline, as {@code emr-pipeline local up} announces it: a small JSON file
 * with the gateway's URL, the state machine ARN, the bucket and the process that serves them.
 * {@code --target local} reads it; a file whose process is gone is a pipeline that stopped.
 *
 * @param notificationsQueueUrl the SQS queue subscribed to the notification topic (what on-call receives), if any
 */
public record LocalEndpoint(URI endpoint, String region, String stateMachineArn, String bucket, long pid,
        Optional<String> notificationsQueueUrl) {

    /** Overrides where the file is (tests, two pipelines side by side). */
    public static final String FILE_VARIABLE = "EMR_PIPELINE_LOCAL_ENDPOINT";
    /** Set by bin/emr-pipeline: the repository the command was started from. */
    public static final String HOME_PROPERTY = "emrpipeline.home";

    /** {@code $EMR_PIPELINE_LOCAL_ENDPOINT}, else {@code <repository>/local/target/local-endpoint.json}. */
    public static Path defaultFile(Map<String, String> environment) {
        String override = environment.get(FILE_VARIABLE);
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        return repositoryRoot().resolve("local/target/local-endpoint.json");
    }

    public static Path repositoryRoot() {
        String home = System.getProperty(HOME_PROPERTY);
        return home != null ? Path.of(home).toAbsolutePath().normalize() : RepositoryRoot.find();
    }

    public static LocalEndpoint read(Path file) throws IOException {
        JsonNode json = Json.parse(Files.readAllBytes(file));
        return new LocalEndpoint(URI.create(json.path("endpoint").asText()), json.path("region").asText(),
                json.path("stateMachineArn").asText(), json.path("bucket").asText(), json.path("pid").asLong(),
                Optional.ofNullable(json.path("notificationsQueueUrl").textValue()));
    }

    /** Written whole, then moved into place: a reader never sees half a file. */
    public void write(Path file) throws IOException {
        ObjectNode json = Json.object().put("endpoint", endpoint.toString()).put("region", region)
                .put("stateMachineArn", stateMachineArn).put("bucket", bucket).put("pid", pid);
        notificationsQueueUrl.ifPresent(url -> json.put("notificationsQueueUrl", url));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temporary, json.toPrettyString() + "\n");
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    public boolean processAlive() {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
