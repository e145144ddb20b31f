package io.emrpipeline.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.emrpipeline.contract.Contract;
import io.emrpipeline.core.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Lambda runtime reports an exception by its class name and pipeline.asl.json branches on
 * that name: both sides must name the same classes, or an error meant for a Catch fails the
 * execution with the wrong name (or is never retried).
 */
class ErrorNamesTest {

    private static final String OUR_PREFIX = "io.emrpipeline.";

    @Test
    void everyNameOfOursTheAslMatchesIsAPipelineError() {
        Set<String> names = aslErrorNames();

        assertTrue(names.contains(InvalidJobRequest.class.getName()), "the ASL's names were not read: " + names);
        assertEquals(List.of(), names.stream().map(ErrorNamesTest::problemWith).flatMap(Optional::stream).toList());
    }

    @Test
    void everyConcretePipelineErrorIsMatchedSomewhereInTheAsl() {
        Set<Class<?>> errors = concretePipelineErrors();

        assertTrue(errors.contains(EmrThrottled.class), "the package listing found only " + errors);
        assertEquals(Set.of(), unmatched(errors, aslErrorNames()));
    }

    @Test
    void theChecksReportAMadeUpNameAClassOfTheWrongKindAndAnUnmatchedError() {
        assertEquals(Optional.of("io.emrpipeline.errors.NoSuchError: no such class"),
                problemWith("io.emrpipeline.errors.NoSuchError"));
        assertEquals(Optional.of("io.emrpipeline.core.Json: not a PipelineError"), problemWith("io.emrpipeline.core.Json"));
        assertEquals(Optional.empty(), problemWith(EmrThrottled.class.getName()));
        assertEquals(Set.of(EmrThrottled.class),
                unmatched(Set.of(EmrThrottled.class, InvalidJobRequest.class), Set.of(InvalidJobRequest.class.getName())));
    }

    @Test
    void theContractNamesThisPackageAsTheOneHandlersThrowFrom() {
        assertEquals(PipelineError.class.getPackageName(), Contract.get().errorPackage());
    }

    /** Our names in every ErrorEquals, and in Choice rules that compare {@code $.error} (RouteRequestError). */
    static Set<String> aslErrorNames() {
        JsonNode asl = Json.parse(Contract.get().stateMachineDefinition().getBytes(StandardCharsets.UTF_8));
        Set<String> names = new TreeSet<>();
        collect(asl, names);
        names.removeIf(name -> !name.startsWith(OUR_PREFIX));
        return names;
    }

    private static void collect(JsonNode node, Set<String> names) {
        node.path("ErrorEquals").forEach(name -> names.add(name.asText()));
        if ("$.error".equals(node.path("Variable").asText()) && node.hasNonNull("StringEquals")) {
            names.add(node.get("StringEquals").asText());
        }
        node.forEach(child -> collect(child, names));
    }

    /** Why {@code name} is not a PipelineError the runtime could report, if it is not. */
    static Optional<String> problemWith(String name) {
        try {
            Class<?> type = Class.forName(name, false, ErrorNamesTest.class.getClassLoader());
            return PipelineError.class.isAssignableFrom(type) ? Optional.empty() : Optional.of(name + ": not a PipelineError");
        } catch (ClassNotFoundException e) {
            return Optional.of(name + ": no such class");
        }
    }

    static Set<Class<?>> unmatched(Set<Class<?>> errors, Set<String> aslNames) {
        return errors.stream().filter(error -> !aslNames.contains(error.getName())).collect(Collectors.toSet());
    }

    /** The non-abstract PipelineError classes compiled into this package's folder(s). */
    static Set<Class<?>> concretePipelineErrors() {
        String folder = PipelineError.class.getPackageName().replace('.', '/');
        try {
            Set<Class<?>> errors = new HashSet<>();
            for (URL url : Collections.list(ErrorNamesTest.class.getClassLoader().getResources(folder))) {
                if (!"file".equals(url.getProtocol())) {
                    throw new IllegalStateException(url + ": run from the compiled classes folders, not a jar");
                }
                try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
                    for (Path file : files.toList()) {
                        String fileName = file.getFileName().toString();
                        if (fileName.endsWith(".class") && !fileName.contains("$")) {
                            Class<?> type = Class.forName(PipelineError.class.getPackageName() + "."
                                    + fileName.substring(0, fileName.length() - ".class".length()), false,
                                    ErrorNamesTest.class.getClassLoader());
                            if (PipelineError.class.isAssignableFrom(type) && !Modifier.isAbstract(type.getModifiers())) {
                                errors.add(type);
                            }
                        }
                    }
                }
            }
            return errors;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException | ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
