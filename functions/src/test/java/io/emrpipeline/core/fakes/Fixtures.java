package io.emrpipeline.core.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.emrpipeline.core.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;

/** The JSON fixtures under {@code src/test/resources/events/}: exact payloads AWS and the state machine send. */
public final class Fixtures {

    private static final String ROOT = "/events/";

    private Fixtures() {}

    /** A fresh, mutable copy of {@code events/<path>}. */
    public static ObjectNode event(String path) {
        try (InputStream in = Fixtures.class.getResourceAsStream(ROOT + path)) {
            if (in == null) {
                throw new IllegalStateException("no fixture events/" + path);
            }
            return (ObjectNode) Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Named<ObjectNode> named(String path) {
        return Named.of(path, event(path));
    }

    /** Every {@code *.json} of {@code events/<folder>}, sorted by name, each named by its path for test reports. */
    public static Stream<Named<ObjectNode>> folder(String folder) {
        return paths(folder).map(Fixtures::named);
    }

    /** The paths ({@code <folder>/<file>.json}) of every fixture in {@code events/<folder>}, sorted. */
    public static Stream<String> paths(String folder) {
        URL url = Fixtures.class.getResource(ROOT + folder);
        if (url == null) {
            throw new IllegalStateException("no fixture folder events/" + folder);
        }
        try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
            List<String> paths = files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".json"))
                    .sorted()
                    .map(name -> folder + "/" + name)
                    .toList();
            if (paths.isEmpty()) {
                throw new IllegalStateException("events/" + folder + " holds no .json fixture");
            }
            return paths.stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode request(String name) {
        return event("job-requests/" + name);
    }
}
