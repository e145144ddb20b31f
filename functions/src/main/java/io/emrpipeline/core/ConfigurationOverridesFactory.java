package io.emrpipeline.core;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.emrserverless.model.CloudWatchLoggingConfiguration;
import software.amazon.awssdk.services.emrserverless.model.Configuration;
import software.amazon.awssdk.services.emrserverless.model.ConfigurationOverrides;
import software.amazon.awssdk.services.emrserverless.model.MonitoringConfiguration;
import software.amazon.awssdk.services.emrserverless.model.S3MonitoringConfiguration;

/**
 * Turns the request's configurationOverrides into the SDK shape, filling in the deployment's
 * log URI when the request names none, so every job's driver logs land where links point.
 */
public final class ConfigurationOverridesFactory {

    private ConfigurationOverridesFactory() {}

    public static ConfigurationOverrides from(JsonNode overrides, String defaultLogUri) {
        JsonNode monitoring = overrides == null ? null : overrides.path("monitoringConfiguration");
        JsonNode s3 = monitoring == null ? null : monitoring.path("s3MonitoringConfiguration");
        String logUri = s3 != null && s3.hasNonNull("logUri") ? s3.get("logUri").asText() : defaultLogUri;

        MonitoringConfiguration.Builder monitoringConfiguration = MonitoringConfiguration.builder()
                .s3MonitoringConfiguration(S3MonitoringConfiguration.builder()
                        .logUri(logUri)
                        .encryptionKeyArn(Json.text(s3, "encryptionKeyArn"))
                        .build());
        JsonNode cloudWatch = monitoring == null ? null : monitoring.path("cloudWatchLoggingConfiguration");
        if (cloudWatch != null && cloudWatch.isObject()) {
            monitoringConfiguration.cloudWatchLoggingConfiguration(CloudWatchLoggingConfiguration.builder()
                    .enabled(cloudWatch.path("enabled").asBoolean())
                    .logGroupName(Json.text(cloudWatch, "logGroupName"))
                    .logStreamNamePrefix(Json.text(cloudWatch, "logStreamNamePrefix"))
                    .build());
        }
        ConfigurationOverrides.Builder result = ConfigurationOverrides.builder()
                .monitoringConfiguration(monitoringConfiguration.build());
        JsonNode applicationConfiguration = overrides == null ? null : overrides.path("applicationConfiguration");
        if (applicationConfiguration != null && applicationConfiguration.isArray()) {
            result.applicationConfiguration(configurations(applicationConfiguration));
        }
        return result.build();
    }

    private static List<Configuration> configurations(JsonNode array) {
        List<Configuration> configurations = new ArrayList<>();
        for (JsonNode node : array) {
            Map<String, String> properties = new LinkedHashMap<>();
            node.path("properties").fields().forEachRemaining(entry -> properties.put(entry.getKey(), entry.getValue().asText()));
            Configuration.Builder configuration = Configuration.builder()
                    .classification(node.path("classification").asText())
                    .properties(properties);
            if (node.path("configurations").isArray()) {
                configuration.configurations(configurations(node.get("configurations")));
            }
            configurations.add(configuration.build());
        }
        return configurations;
    }
}
