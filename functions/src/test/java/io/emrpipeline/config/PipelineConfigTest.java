package io.emrpipeline.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.emrpipeline.contract.ConfigurationError;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PipelineConfigTest {

    private static Map<String, String> valid() {
        Map<String, String> env = new HashMap<>();
        env.put("AWS_REGION", "eu-west-1");
        env.put("JOB_BUCKET", "jobs");
        env.put("EXECUTION_ROLE_ARNS", "arn:aws:iam::123456789012:role/a, arn:aws:iam::123456789012:role/b");
        return env;
    }

    @Test
    void readsSettingsWithDefaults() {
        PipelineConfig config = PipelineConfig.from(valid());

        assertEquals(2, config.allowedExecutionRoleArns().size());
        assertFalse(config.allowCreateApplication());
        assertTrue(config.eventBusName().isEmpty());
        assertEquals("s3://jobs/logs/", config.defaultLogUri());
    }

    @Test
    void namesAMissingVariable() {
        Map<String, String> env = valid();
        env.remove("JOB_BUCKET");

        ConfigurationError error = assertThrows(ConfigurationError.class, () -> PipelineConfig.from(env));

        assertEquals("Environment variable JOB_BUCKET is not set", error.getMessage());
    }

    @Test
    void rejectsAMalformedBooleanAndRoleArn() {
        Map<String, String> env = valid();
        env.put("ALLOW_CREATE_APPLICATION", "yes");
        assertTrue(assertThrows(ConfigurationError.class, () -> PipelineConfig.from(env))
                .getMessage().contains("ALLOW_CREATE_APPLICATION must be true or false"));

        Map<String, String> badRole = valid();
        badRole.put("EXECUTION_ROLE_ARNS", "emr-job-role");
        assertTrue(assertThrows(ConfigurationError.class, () -> PipelineConfig.from(badRole))
                .getMessage().contains("EXECUTION_ROLE_ARNS holds 'emr-job-role'"));
    }
}
