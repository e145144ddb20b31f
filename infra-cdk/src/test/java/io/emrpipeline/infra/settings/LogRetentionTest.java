package io.emrpipeline.infra.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.logs.CfnLogGroup;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;

/** The day counts written in LogRetention are the ones CDK deploys, and they cover every finite retention CDK has. */
class LogRetentionTest {

    @Test
    void everyAcceptedDayCountDeploysThatManyDays() {
        Stack stack = new Stack(new App(), "Retention");
        for (int days : LogRetention.acceptedDays()) {
            LogGroup group = LogGroup.Builder.create(stack, "Days" + days).retention(LogRetention.require(days)).build();
            Number deployed = ((CfnLogGroup) group.getNode().getDefaultChild()).getRetentionInDays();
            assertEquals(days, deployed.intValue(), LogRetention.require(days) + " deploys another number of days");
        }
    }

    @Test
    void everyFiniteRetentionOfCdkIsAccepted() {
        Set<RetentionDays> finite = EnumSet.allOf(RetentionDays.class);
        finite.remove(RetentionDays.INFINITE);
        Set<RetentionDays> accepted = EnumSet.noneOf(RetentionDays.class);
        LogRetention.acceptedDays().forEach(days -> accepted.add(LogRetention.require(days)));
        assertEquals(finite, accepted, "a retention CDK offers that the logRetentionDays setting would refuse");
    }

    @Test
    void theDefaultIsOneMonth() {
        assertEquals(RetentionDays.ONE_MONTH, LogRetention.require(LogRetention.DEFAULT_DAYS));
    }
}
