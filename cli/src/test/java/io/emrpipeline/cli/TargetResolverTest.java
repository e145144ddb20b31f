package io.emrpipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.emrpipeline.cli.targets.TargetOptions;
import io.emrpipeline.cli.targets.TargetResolver;
import io.emrpipeline.cli.targets.TargetResolver.Local;
import io.emrpipeline.cli.targets.TargetResolver.Stack;
import io.emrpipeline.cli.targets.TargetResolver.StateMachine;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TargetResolverTest {

    private static final String ARN = "arn:aws:states:eu-west-1:111122223333:stateMachine:emr-pipeline";

    @Test
    void anOptionChoosesTheTarget() {
        TargetResolver resolver = new TargetResolver(Map.of("EMR_PIPELINE_STACK", "ignored"));

        assertEquals(new Local(), resolver.choose(new TargetOptions("local", null, null, null, null)));
        assertEquals(new Stack("prod"), resolver.choose(new TargetOptions(null, "prod", null, null, null)));
        assertEquals(new StateMachine(ARN, "eu-west-1"), resolver.choose(new TargetOptions(null, null, ARN, null, null)),
                "the region comes from the ARN");
    }

    @Test
    void withoutOptionsTheEnvironmentChooses() {
        TargetOptions none = new TargetOptions();

        assertEquals(new Stack("prod"), new TargetResolver(Map.of("EMR_PIPELINE_STACK", "prod")).choose(none));
        assertEquals(new Local(), new TargetResolver(Map.of("EMR_PIPELINE_TARGET", "local")).choose(none));
    }

    @Test
    void noTargetOrTwoTargetsIsAUsageErrorThatSaysHowToChoose() {
        CliError none = assertThrows(CliError.class, () -> new TargetResolver(Map.of()).choose(new TargetOptions()));
        CliError two = assertThrows(CliError.class, () -> new TargetResolver(Map.of())
                .choose(new TargetOptions("local", "prod", null, null, null)));

        for (CliError error : new CliError[] {none, two}) {
            assertEquals(ExitCode.BAD_REQUEST, error.exitCode());
            assertTrue(error.fix().contains("--stack NAME") && error.fix().contains("--target local"), error.fix());
        }
    }

    @Test
    void aMalformedArnOrAnUnknownNamedTargetIsRefused() {
        TargetResolver resolver = new TargetResolver(Map.of());

        CliError arn = assertThrows(CliError.class, () -> resolver.choose(new TargetOptions(null, null, "emr-pipeline", null, null)));
        assertTrue(arn.fix().contains("arn:aws:states:REGION"), arn.fix());
        assertThrows(CliError.class, () -> resolver.choose(new TargetOptions("prod", null, null, null, null)));
    }
}
