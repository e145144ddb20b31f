package io.emrpipeline.infra;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awscdk.App;
import software.amazon.awscdk.PolicyValidationPluginReport;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.s3.Bucket;

/**
 * cdk-nag's AwsSolutions pack on every variant: no finding without a written acknowledgement.
 * (Synth itself fails on one too, since the app registers the pack; this says which.)
 */
class CdkNagTest {

    static java.util.List<Map<String, Object>> variants() {
        return Variants.ALL;
    }

    @ParameterizedTest
    @MethodSource("variants")
    void noUnacknowledgedFinding(Map<String, Object> variant) {
        PolicyValidationPluginReport report = new AwsSolutionsChecks().validateScope(SynthesizedPipeline.with(variant).stack());
        String findings = report.getViolations().stream()
                .map(violation -> violation.getRuleName() + " at " + violation.getViolatingResources().get(0).getLocations())
                .collect(Collectors.joining("\n"));
        assertTrue(report.getSuccess(), "unacknowledged cdk-nag findings:\n" + findings);
    }

    @Test
    void theCheckReportsAnUnacknowledgedFinding() {
        App app = new App();
        Stack stack = new Stack(app, "Plain");
        new Bucket(stack, "PlainBucket");
        PolicyValidationPluginReport report = new AwsSolutionsChecks().validateScope(stack);
        assertFalse(report.getSuccess(), "a bucket without TLS enforcement or access logs must be reported");
    }
}
