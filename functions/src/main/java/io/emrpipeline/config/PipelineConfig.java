package io.emrpipeline.config;

import io.emrpipeline.contract.ConfigurationError;
import io.emrpipeline.contract.Contract;
import io.emrpipeline.contract.Environment;
import java.net.URI;
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

    public static PipelineConfig from(Map<String, String> variables) {
        Environment env = new Environment(variables);
        return new PipelineConfig(
                env.required("AWS_REGION"),
                env.url("AWS_ENDPOINT_URL"),
                env.required("JOB_BUCKET"),
                roleArns(env.required("EXECUTION_ROLE_ARNS")),
                env.optional("DEFAULT_EXECUTION_ROLE_ARN"),
                env.bool("ALLOW_CREATE_APPLICATION", false),
                env.optional("EVENT_BUS_NAME"),
                env.optional("OBJECT_LINK_BASE"));
    }

    /** The S3 prefix EMR Serverless writes job logs under when a request sets no log URI. */
    public String defaultLogUri() {
        return "s3://" + jobBucket + "/logs/";
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
