package io.emrpipeline.infra.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.emrpipeline.contract.Contract;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Defaults as documented, and a synth-stopping message naming the setting for each bad value. */
class PipelineSettingsTest {

    @Test
    void defaultsAreTheDocumentedOnes() {
        PipelineSettings settings = read(Map.of());
        assertEquals("EmrPipeline", settings.stackName());
        assertEquals("emr-pipeline", settings.namePrefix());
        assertEquals(5, settings.reconcileMinutes());
        assertEquals(30, settings.logRetentionDays());
        assertEquals(Contract.get().functionMemoryMb(), settings.functionMemoryMb());
        assertEquals(Contract.get().defaultReleaseLabel(), settings.application().releaseLabel());
        assertTrue(settings.application().create());
        assertFalse(settings.application().allowCreateAtRuntime(), "creating applications from requests is off by default");
        assertTrue(settings.roles().createJobRole());
        assertTrue(settings.bucket().existingBucketName().isEmpty());
        assertTrue(settings.notificationEmails().isEmpty());
    }

    @Test
    void commandLineStringsAreAcceptedLikeJsonValues() {
        PipelineSettings settings = read(Map.of("reconcileMinutes", "2", "allowCreateApplication", "true",
                "notificationEmails", "a@example.com, b@example.com"));
        assertEquals(2, settings.reconcileMinutes());
        assertTrue(settings.application().allowCreateAtRuntime());
        assertEquals(List.of("a@example.com", "b@example.com"), settings.notificationEmails());
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "reconcileMinutes|abc",
            "reconcileMinutes|61",
            "logRetentionDays|31",
            "logRetentionDays|0",
            "logRetentionDays|3654",
            "allowCreateApplication|yes",
            "namePrefix|Emr_Pipeline",
            "bucketName|Not A Bucket",
            "releaseLabel|7.9.0",
            "architecture|AMD64",
            "workerCpu|4",
            "imageUri|docker.io/spark:latest",
            "executionRoleArns|arn:aws:iam::123:user/bob",
            "applicationIds|not-an-id",
            "notificationEmails|nobody"})
    void anInvalidValueFailsNamingTheSetting(String setting, String value) {
        InvalidSetting error = assertThrows(InvalidSetting.class, () -> read(Map.of(setting, value)));
        assertEquals(setting, error.setting());
        assertTrue(error.getMessage().contains("'" + setting + "'"), error.getMessage());
    }

    @Test
    void executionRoleArnsFollowTheContractsRoleRule() {
        String role = "arn:aws-cn:iam::111122223333:role/path/team+jobs=x.y@z-1";
        assertTrue(Contract.get().isRoleArn(role));
        assertEquals(List.of(role), read(Map.of("executionRoleArns", List.of(role))).roles().allowedRoleArns());
    }

    @Test
    void withoutCreatedOrListedApplicationTheApplicationIdsSettingIsNamed() {
        InvalidSetting error = assertThrows(InvalidSetting.class, () -> read(Map.of("createApplication", false)));
        assertEquals("applicationIds", error.setting());
    }

    @Test
    void withoutAnyJobRoleTheExecutionRoleArnsSettingIsNamed() {
        InvalidSetting error = assertThrows(InvalidSetting.class, () -> read(Map.of("createJobRole", false)));
        assertEquals("executionRoleArns", error.setting());
    }

    @Test
    void theDefaultRoleMustBeAnAllowedOne() {
        InvalidSetting error = assertThrows(InvalidSetting.class, () -> read(Map.of(
                "executionRoleArns", List.of("arn:aws:iam::111122223333:role/a"),
                "defaultExecutionRoleArn", "arn:aws:iam::111122223333:role/b")));
        assertEquals("defaultExecutionRoleArn", error.setting());
    }

    private static PipelineSettings read(Map<String, Object> context) {
        Map<String, Object> values = new HashMap<>(context);
        return PipelineSettings.from(new ContextValues(values::get));
    }
}
