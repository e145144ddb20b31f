package io.emrpipeline.core;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.emrserverless.model.CloudWatchLoggingConfiguration;
import software.amazon.awssdk.services.emrserverless.model.Configuration;
import software.amazon.awssdk.services.emrserverless.model.ConfigurationOverrides;
import software.amazon.awssdk.services.emrserverless.model.ManagedPersistenceMonitoringConfiguration;
import software.amazon.awssdk.services.emrserverless.model.MonitoringConfiguration;
import software.amazon.awssdk.services.emrserverless.model.PrometheusMonitoringConfiguration;
import software.amazon.awssdk.services.emrserverless.model.S3MonitoringConfiguration;

/**
 * Turns the request's configurationOverrides into the SDK shape, filling in the deployment's
 * log URI when the request names none, so every job's driver logs land where links point.
 * Every member the schema accepts is passed on: the schema refuses the ones EMR does not take.
 */
public final class ConfigurationOverridesFactory {

    private ConfigurationOverridesFactory() {}

    public static ConfigurationOverrides from(JsonNode overrides, String defaultLogUri) {
        JsonNode monitoring = overrides == null ? Json.object() : overrides.path("monitoringConfiguration");
        ConfigurationOverrides.Builder result = ConfigurationOverrides.builder()
                .monitoringConfiguration(monitoring(monitoring, defaultLogUri));
        JsonNode applicationConfiguration = overrides == null ? null : overrides.path("applicationConfiguration");
        if (applicationConfiguration != null && applicationConfiguration.isArray()) {
            result.applicationConfiguration(configurations(applicationConfiguration));
        }
        return result.build();
    }

    private static MonitoringConfiguration monitoring(JsonNode monitoring, String defaultLogUri) {
        JsonNode s3 = monitoring.path("s3MonitoringConfiguration");
        String logUri = s3.hasNonNull("logUri") ? s3.get("logUri").asText() : defaultLogUri;
        MonitoringConfiguration.Builder result = MonitoringConfiguration.builder()
                .s3MonitoringConfiguration(S3MonitoringConfiguration.builder()
                        .logUri(logUri)
                        .encryptionKeyArn(Json.text(s3, "encryptionKeyArn"))
                        .build());
        JsonNode cloudWatch = monitoring.path("cloudWatchLoggingConfiguration");
        if (cloudWatch.isObject()) {
            result.cloudWatchLoggingConfiguration(CloudWatchLoggingConfiguration.builder()
                    .enabled(cloudWatch.path("enabled").asBoolean())
                    .logGroupName(Json.text(cloudWatch, "logGroupName"))
                    .logStreamNamePrefix(Json.text(cloudWatch, "logStreamNamePrefix"))
                    .encryptionKeyArn(Json.text(cloudWatch, "encryptionKeyArn"))
                    .logTypes(cloudWatch.has("logTypes") ? logTypes(cloudWatch.get("logTypes")) : null)
                    .build());
        }
        JsonNode managedPersistence = monitoring.path("managedPersistenceMonitoringConfiguration");
        if (managedPersistence.isObject()) {
            result.managedPersistenceMonitoringConfiguration(ManagedPersistenceMonitoringConfiguration.builder()
                    .enabled(managedPersistence.hasNonNull("enabled") ? managedPersistence.get("enabled").asBoolean() : null)
                    .encryptionKeyArn(Json.text(managedPersistence, "encryptionKeyArn"))
                    .build());
        }
        JsonNode prometheus = monitoring.path("prometheusMonitoringConfiguration");
        if (prometheus.isObject()) {
            result.prometheusMonitoringConfiguration(PrometheusMonitoringConfiguration.builder()
                    .remoteWriteUrl(Json.text(prometheus, "remoteWriteUrl"))
                    .build());
        }
        return result.build();
    }

    private static Map<String, List<String>> logTypes(JsonNode byWorkerType) {
        Map<String, List<String>> logTypes = new LinkedHashMap<>();
        byWorkerType.properties().forEach(entry -> {
            List<String> types = new ArrayList<>();
            entry.getValue().forEach(type -> types.add(type.asText()));
            logTypes.put(entry.getKey(), types);
        });
        return logTypes;
    }

    private static List<Configuration> configurations(JsonNode array) {
        List<Configuration> configurations = new ArrayList<>();
        for (JsonNode node : array) {
            Map<String, String> properties = new LinkedHashMap<>();
            node.path("properties").properties().forEach(entry -> properties.put(entry.getKey(), entry.getValue().asText()));
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
