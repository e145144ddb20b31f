package io.emrpipeline.local.bench;

import io.emrpipeline.local.LocalPipeline;
import io.emrpipeline.local.emr.JobRunOperation;
import io.emrpipeline.local.iam.RecordedCall;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the pipeline spent between two points: Lambda invocations per function, EMR Serverless
 * calls per operation (throttled ones included: each is a request the quota counts) and the
 * functions' S3, Step Functions and EventBridge requests as the gateway recorded them.
 */
record CallTally(Map<String, Integer> invocations, Map<JobRunOperation, Integer> emrCalls, int s3Requests,
        int taskAnswers, int putEvents) {

    /** Each S3 request the functions make needs exactly one of these permissions. */
    private static final Set<String> S3_REQUESTS = Set.of("s3:GetObject", "s3:PutObject", "s3:DeleteObject",
            "s3:ListBucket");

    /**
     * Reads and clears the invocation log and the gateway's call records; the EMR call counts are
     * since the model's last reset (each measurement starts from {@code LocalPipeline.reset()}).
     */
    static CallTally drain(LocalPipeline pipeline, List<String> functions) {
        Map<String, Integer> invocations = new TreeMap<>();
        for (String function : functions) {
            invocations.put(function, pipeline.gateway().lambdas().log().count(function));
        }
        pipeline.gateway().lambdas().log().clear();
        Map<JobRunOperation, Integer> emr = new TreeMap<>();
        for (JobRunOperation operation : JobRunOperation.values()) {
            emr.put(operation, pipeline.gateway().jobRuns().faults().callCount(operation));
        }
        List<RecordedCall> calls = pipeline.gateway().calls().drain();
        int s3 = (int) calls.stream().filter(call -> S3_REQUESTS.contains(call.permission().action())).count();
        int answers = (int) calls.stream().filter(call -> call.permission().action().startsWith("states:SendTask")).count();
        int events = (int) calls.stream().filter(call -> "events:PutEvents".equals(call.permission().action())).count();
        return new CallTally(invocations, emr, s3, answers, events);
    }

    int invocationsInAll() {
        return invocations.values().stream().mapToInt(Integer::intValue).sum();
    }

    int emr(JobRunOperation operation) {
        return emrCalls.getOrDefault(operation, 0);
    }
}
