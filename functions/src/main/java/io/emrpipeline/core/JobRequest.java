package io.emrpipeline.core;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One execution's input, after it passed the JSON Schema
 * ({@code schemas/job-request.schema.json}, the single description of every field).
 */
public record JobRequest(
        String name,
        ApplicationRef application,
        String executionRoleArn,
        ExecutionIamPolicy executionIamPolicy,
        String mode,
        Job job,
        ObjectNode configurationOverrides,
        Integer timeoutMinutes,
        RetryPolicy retryPolicy,
        Map<String, String> tags) {

    /** EMR Serverless' run mode when the request names none. */
    public static final String BATCH = "BATCH";
    public static final String STREAMING = "STREAMING";

    public JobRequest {
        tags = tags == null ? Map.of() : Map.copyOf(tags);
        mode = mode == null ? BATCH : mode;
    }

    public boolean streaming() {
        return STREAMING.equals(mode);
    }

    public Optional<String> requestedRole() {
        return Optional.ofNullable(executionRoleArn);
    }

    /** EMR Serverless retries of a failed attempt: {@code maxAttempts} (batch), {@code maxFailedAttemptsPerHour} (streaming). */
    public record RetryPolicy(Integer maxAttempts, Integer maxFailedAttemptsPerHour) {}

    /**
     * A session policy for the job run: {@code policy} is the inline document as the request gave it
     * (an object, or that object as a string); {@link ExecutionIamPolicies} turns it into what EMR takes.
     */
    public record ExecutionIamPolicy(JsonNode policy, List<String> policyArns) {

        public ExecutionIamPolicy {
            policyArns = policyArns == null ? List.of() : List.copyOf(policyArns);
        }
    }

    /**
     * By id, or by name with optional settings to create it.
     *
     * @param start true to start the application and wait until STARTED before submitting
     */
    public record ApplicationRef(String id, String name, ObjectNode create, Boolean start) {

        public ApplicationRef(String id, String name, ObjectNode create) {
            this(id, name, create, null);
        }

        boolean startFirst() {
            return Boolean.TRUE.equals(start);
        }
    }

    /** What runs: mode-specific fields are null outside their mode. */
    public record Job(
            String mode,
            String entryPoint,
            List<String> arguments,
            @JsonProperty("package") String packageUri,
            String module,
            String bundle,
            List<String> command,
            String mainClass,
            Map<String, String> sparkConf,
            String sparkSubmitParameters,
            PythonEnvironment pythonEnvironment,
            ProjectConf projectConf) {

        public Job {
            arguments = arguments == null ? List.of() : List.copyOf(arguments);
            command = command == null ? List.of() : List.copyOf(command);
            sparkConf = sparkConf == null ? Map.of() : Map.copyOf(sparkConf);
        }
    }

    public record PythonEnvironment(String venvArchive) {}

    /**
     * A project's configuration archive (package mode): unpacked beside the driver and executors,
     * its directory handed to {@code main(argv)} with {@code option}.
     */
    public record ProjectConf(String archive, String option) {

        /** Kedro's option for where the project's configuration is. */
        public static final String DEFAULT_OPTION = "--conf-source";

        public ProjectConf {
            option = option == null ? DEFAULT_OPTION : option;
        }
    }
}
