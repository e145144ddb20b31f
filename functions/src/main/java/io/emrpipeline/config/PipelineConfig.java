package io.emrpipeline.config;

import io.emrpipeline.contract.Contract;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The deployment's settings, read once at cold start from environment variables.
 *
 * @param region AWS_REGION
 * @param endpointOverride AWS_ENDPOINT_URL: send every AWS call there (local gateway, emulators)
 * @param jobBucket JOB_BUCKET: run records, callbacks, staged entrypoints, default logs
 * @param allowedExecutionRoleArns EXECUTION_ROLE_ARNS: comma-separated allow-list
 * @param defaultExecutionRoleArn DEFAULT_EXECUTION_ROLE_ARN: used when a request names none
 * @param allowCreateApplication ALLOW_CREATE_APPLICATION: may a request create an application
 * @param eventBusName EVENT_BUS_NAME: where domain events go; empty = not published
 * @param objectLinkBase OBJECT_LINK_BASE: when set, S3 object links are {base}/{bucket}/{key}
 *     (the local gateway serves them) instead of S3 console links
 */
public record PipelineConfig(
        String region,
        Optional<URI> endpointOverride,
        String jobBucket,
        Set<String> allowedExecutionRoleArns,
        Optional<String> defaultExecutionRoleArn,
        boolean allowCreateApplication,
        Optional<String> eventBusName,
        Optional<String> objectLinkBase) {

    public PipelineConfig {
        allowedExecutionRoleArns = Set.copyOf(allowedExecutionRoleArns);
    }

    public static PipelineConfig fromEnvironment() {
        return from(System.getenv());
    }

    public static PipelineConfig from(Map<String, String> env) {
        return new PipelineConfig(
                required(env, "AWS_REGION"),
                optional(env, "AWS_ENDPOINT_URL").map(value -> uri("AWS_ENDPOINT_URL", value)),
                required(env, "JOB_BUCKET"),
                roleArns(required(env, "EXECUTION_ROLE_ARNS")),
                optional(env, "DEFAULT_EXECUTION_ROLE_ARN"),
                bool(env, "ALLOW_CREATE_APPLICATION"),
                optional(env, "EVENT_BUS_NAME"),
                optional(env, "OBJECT_LINK_BASE"));
    }

    /** The S3 prefix EMR Serverless writes job logs under when a request sets no log URI. */
    public String defaultLogUri() {
        return "s3://" + jobBucket + "/logs/";
    }

    private static String required(Map<String, String> env, String name) {
        return optional(env, name).orElseThrow(() -> new ConfigurationError(name, "is not set"));
    }

    private static Optional<String> optional(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::trim).filter(value -> !value.isEmpty());
    }

    private static boolean bool(Map<String, String> env, String name) {
        String value = optional(env, name).orElse("false");
        if (!value.equals("true") && !value.equals("false")) {
            throw new ConfigurationError(name, "must be true or false, was '" + value + "'");
        }
        return Boolean.parseBoolean(value);
    }

    private static URI uri(String name, String value) {
        try {
            return new URI(value);
        } catch (URISyntaxException e) {
            throw new ConfigurationError(name, "is not a URI: " + e.getMessage());
        }
    }

    private static Set<String> roleArns(String value) {
        Set<String> arns = Arrays.stream(value.split(","))
                .map(String::trim)
                .filter(arn -> !arn.isEmpty())
                .collect(Collectors.toSet());
        for (String arn : arns) {
            if (!Contract.get().isRoleArn(arn)) {
                throw new ConfigurationError("EXECUTION_ROLE_ARNS", "holds '" + arn + "', which is not an IAM role ARN");
            }
        }
        if (arns.isEmpty()) {
            throw new ConfigurationError("EXECUTION_ROLE_ARNS", "lists no role");
        }
        return arns;
    }
}
