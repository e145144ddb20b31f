package io.emrpipeline.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.emrpipeline.infra.settings.PipelineSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awscdk.App;
import software.amazon.awscdk.assertions.Template;

/**
 * One synthesized deployment for the tests: the app exactly as `cdk synth` builds it (cdk.json
 * context, cdk-nag registered), with settings overridden per variant. Synthesis takes seconds,
 * so each variant is synthesized once per test JVM and shared by every test class.
 */
public record SynthesizedPipeline(PipelineStack stack, Template template, Path templateFile, JsonNode json) {

    public static final Map<String, Object> DEFAULTS = Map.of();
    private static final Map<Map<String, Object>, SynthesizedPipeline> CACHE = new ConcurrentHashMap<>();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public static SynthesizedPipeline defaults() {
        return with(DEFAULTS);
    }

    public static synchronized SynthesizedPipeline with(Map<String, Object> overrides) {
        return CACHE.computeIfAbsent(overrides, SynthesizedPipeline::synthesize);
    }

    public String resourceId(String type) {
        var ids = json.path("Resources").properties().stream()
                .filter(entry -> entry.getValue().path("Type").asText().equals(type))
                .map(Map.Entry::getKey).toList();
        if (ids.size() != 1) {
            throw new AssertionError("expected one " + type + ", found " + ids);
        }
        return ids.get(0);
    }

    private static SynthesizedPipeline synthesize(Map<String, Object> overrides) {
        Map<String, Object> context = new HashMap<>(cdkJsonContext());
        context.putAll(overrides);
        Path outdir = Path.of("target", "cdk-test", "variant-" + Integer.toHexString(overrides.hashCode()));
        App app = App.Builder.create().context(context).outdir(outdir.toString()).build();
        PipelineSettings settings = PipelineSettings.from(app.getNode());
        PipelineStack stack = PipelineApp.build(app, settings, RepoFiles.locate());
        app.synth();
        Path templateFile = outdir.resolve(stack.getStackName() + ".template.json");
        try {
            return new SynthesizedPipeline(stack, Template.fromString(Files.readString(templateFile)), templateFile,
                    MAPPER.readTree(templateFile.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cdkJsonContext() {
        try {
            Map<String, Object> cdkJson = MAPPER.readValue(Files.readString(Path.of("cdk.json")), Map.class);
            return (Map<String, Object>) cdkJson.get("context");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
