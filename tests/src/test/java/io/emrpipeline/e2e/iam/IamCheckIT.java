package io.emrpipeline.e2e.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.emrpipeline.local.LocalGateway;
import io.emrpipeline.local.LocalPipeline;
import io.emrpipeline.local.iam.IamRequest;
import io.emrpipeline.local.iam.RecordedCall;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The IAM check itself: it denies what a function's policy does not grant, and says so readably. */
class IamCheckIT {

    private static final String STATE_MACHINE = "arn:aws:states:" + LocalGateway.REGION + ":" + LocalGateway.ACCOUNT_ID
            + ":stateMachine:emr-pipeline";

    @Test
    void aCallOutsideTheCallersPolicyIsReportedDenied() throws Exception {
        RecordedCall allowed = call("SubmitJobRun", IamRequest.of("s3:PutObject", "arn:aws:s3:::emr-pipeline-local/runs/nightly.json"));
        RecordedCall outside = call("SubmitJobRun", IamRequest.of("s3:DeleteObject", "arn:aws:s3:::another-bucket/runs/nightly.json"));

        IamCheck.Report report = IamCheck.evaluate(List.of(allowed, outside));

        assertEquals(1, report.denied().size(), report.verdicts()::toString);
        assertEquals(outside.permission(), report.denied().get(0).permission());
        assertEquals("ImplicitlyDenied", report.denied().get(0).decision());
        AssertionError failure = assertThrows(AssertionError.class, report::assertAllowed);
        assertTrue(failure.getMessage().contains("SubmitJobRun: s3:DeleteObject on arn:aws:s3:::another-bucket/runs/nightly.json"),
                failure.getMessage());
    }

    @Test
    void eachCallIsJudgedByTheCallingFunctionsOwnPolicy() throws Exception {
        IamRequest callback = IamRequest.of("states:SendTaskSuccess", STATE_MACHINE);
        IamRequest otherMachine = IamRequest.of("states:SendTaskSuccess", STATE_MACHINE.replace("emr-pipeline", "someone-else"));
        IamRequest passJobRole = new IamRequest("iam:PassRole", LocalPipeline.JOB_ROLE,
                Map.of("iam:PassedToService", "emr-serverless.amazonaws.com"));
        IamRequest passToLambda = new IamRequest("iam:PassRole", LocalPipeline.JOB_ROLE, Map.of("iam:PassedToService", "lambda.amazonaws.com"));

        IamCheck.Report report = IamCheck.evaluate(List.of(call("AwaitJobRun", callback), call("CancelJobRun", callback),
                call("AwaitJobRun", otherMachine), call("SubmitJobRun", passJobRole), call("SubmitJobRun", passToLambda)));

        assertEquals(List.of(true, false, false, true, false),
                report.verdicts().stream().map(IamCheck.Verdict::allowed).toList(), report.verdicts()::toString);
    }

    @Test
    void aRequestNoMappingCoversFailsTheCheck() throws Exception {
        IamCheck.Report report = IamCheck.evaluate(List.of(call("JobStateChange", IamRequest.unmapped("PUT /emr-pipeline-local?tagging"))));

        assertFalse(report.verdicts().get(0).allowed());
        AssertionError failure = assertThrows(AssertionError.class, report::assertAllowed);
        assertTrue(failure.getMessage().contains("RequiredPermissions"), failure.getMessage());
    }

    @Test
    void repeatedCallsAreEvaluatedOnceAndCounted() throws Exception {
        RecordedCall put = call("AwaitJobRun", IamRequest.of("s3:PutObject", "arn:aws:s3:::emr-pipeline-local/callbacks/a/b.json"));

        IamCheck.Report report = IamCheck.evaluate(List.of(put, put, put));

        assertEquals(1, report.verdicts().size());
        assertEquals(3, report.verdicts().get(0).times());
        report.assertAllowed();
    }

    private static RecordedCall call(String function, IamRequest permission) {
        return new RecordedCall(function, permission, "(made up by the test)");
    }
}
