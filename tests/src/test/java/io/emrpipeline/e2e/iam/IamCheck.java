package io.emrpipeline.e2e.iam;

import io.emrpipeline.local.iam.IamRequest;
import io.emrpipeline.local.iam.RecordedCall;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Checks the AWS calls the functions made in the local pipeline against each function's own IAM
 * policies from the synthesized template: every call a policy would deny, and every call the
 * gateway could not map to an IAM action, is a failure. Each distinct (function, action,
 * resource) is evaluated once.
 */
public final class IamCheck {

    private IamCheck() {}

    /** One distinct authorization, how often it was needed, and what IAM decided. */
    public record Verdict(String function, IamRequest permission, String exampleRequest, int times, String decision, String detail) {

        public boolean allowed() {
            return decision.equals("Allowed");
        }

        @Override
        public String toString() {
            return function + ": " + permission + " -> " + decision + (detail.isEmpty() ? "" : " (" + detail + ")")
                    + ", e.g. " + exampleRequest + (times > 1 ? ", " + times + " times" : "");
        }
    }

    /** The verdicts of one check and how long the evaluation took. */
    public record Report(List<Verdict> verdicts, Duration evaluation) {

        public List<Verdict> denied() {
            return verdicts.stream().filter(verdict -> !verdict.allowed()).toList();
        }

        /** "SubmitJobRun s3:PutObject" for each function and action seen. */
        public SortedSet<String> functionActions() {
            return verdicts.stream().map(verdict -> verdict.function() + " " + verdict.permission().action())
                    .collect(Collectors.toCollection(TreeSet::new));
        }

        public void assertAllowed() {
            List<Verdict> denied = denied();
            if (!denied.isEmpty()) {
                throw new AssertionError(denied.size() + " AWS call(s) of the functions would be denied by their IAM policies"
                        + " (FunctionPermissions, as in tests/src/test/resources" + FunctionPolicies.RESOURCE + "):\n  "
                        + denied.stream().map(Verdict::toString).collect(Collectors.joining("\n  ")));
            }
        }
    }

    public static Report evaluate(List<RecordedCall> calls) throws IOException, InterruptedException {
        long started = System.nanoTime();
        Map<Authorization, List<String>> distinct = new LinkedHashMap<>();
        for (RecordedCall call : calls) {
            distinct.computeIfAbsent(new Authorization(call.function(), call.permission()), key -> new ArrayList<>())
                    .add(call.request());
        }
        List<Authorization> mapped = distinct.keySet().stream().filter(key -> key.permission().mapped()).toList();
        List<IamSimulator.Decision> decisions = mapped.isEmpty() ? List.of()
                : IamSimulator.evaluate(FunctionPolicies.load(), mapped);
        List<Verdict> verdicts = new ArrayList<>();
        int next = 0;
        for (Map.Entry<Authorization, List<String>> entry : distinct.entrySet()) {
            Authorization key = entry.getKey();
            IamSimulator.Decision decision = key.permission().mapped() ? decisions.get(next++)
                    : new IamSimulator.Decision("Unmapped", "the gateway does not know which IAM action this request needs:"
                            + " add it to io.emrpipeline.local.iam.RequiredPermissions");
            verdicts.add(new Verdict(key.function(), key.permission(), entry.getValue().get(0), entry.getValue().size(),
                    decision.decision(), decision.detail()));
        }
        return new Report(verdicts, Duration.ofNanos(System.nanoTime() - started));
    }

    /** What IAM evaluates: who asks for which action on which resource. */
    record Authorization(String function, IamRequest permission) {}
}
