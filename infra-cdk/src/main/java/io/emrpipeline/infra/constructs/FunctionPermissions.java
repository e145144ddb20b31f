package io.emrpipeline.infra.constructs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.events.IEventBus;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.constructs.Construct;

/**
 * The IAM statements of each function, derived from what its code calls (functions/…/aws and
 * core). Each function gets only its own S3 prefixes and the EMR actions it makes.
 */
final class FunctionPermissions {

    private final Construct scope;
    private final JobBucket bucket;
    private final EmrAccess emr;
    private final List<String> executionRoleArns;
    private final IEventBus eventBus;
    private final String stateMachineArn;

    FunctionPermissions(Construct scope, PipelineFunctionsProps props) {
        this.scope = scope;
        this.bucket = props.jobBucket();
        this.emr = props.emrAccess();
        this.executionRoleArns = props.executionRoleArns();
        this.eventBus = props.eventBus();
        this.stateMachineArn = props.stateMachineArn();
    }

    /**
     * The statements of one function of contract.json, by its name. A function the contract adds
     * without statements here fails synth: it would otherwise deploy with a role that can do nothing.
     */
    List<PolicyStatement> of(String functionName) {
        return switch (functionName) {
            case "SubmitJobRun" -> submitJobRun();
            case "AwaitJobRun" -> awaitJobRun();
            case "JobStateChange" -> jobStateChange();
            case "ReconcileJobRun" -> reconcileJobRun();
            case "ReconcileSweep" -> reconcileSweep();
            case "CancelJobRun" -> cancelJobRun();
            default -> throw new IllegalStateException("contract.json names a function " + functionName
                    + " that FunctionPermissions grants nothing: add the statements its code needs.");
        };
    }

    private List<PolicyStatement> submitJobRun() {
        List<PolicyStatement> statements = new ArrayList<>(List.of(
                // StartApplication only when a request asks for a started application before its job.
                allow(List.of("emr-serverless:GetApplication", "emr-serverless:StartApplication", "emr-serverless:StartJobRun"),
                        emr.applications(scope)),
                // StartJobRun tags the new run with its execution name.
                allow(List.of("emr-serverless:TagResource"), emr.jobRuns(scope)),
                PolicyStatement.Builder.create()
                        .actions(List.of("iam:PassRole"))
                        .resources(executionRoleArns)
                        .conditions(Map.of("StringEquals", Map.of("iam:PassedToService", "emr-serverless.amazonaws.com")))
                        .build(),
                allow(List.of("s3:GetObject", "s3:PutObject"), List.of(bucket.objectsUnder(JobBucket.ENTRYPOINTS))),
                // The run record: read, written conditionally before and after StartJobRun.
                allow(List.of("s3:GetObject", "s3:PutObject"), List.of(bucket.objectsUnder(JobBucket.RUNS))),
                // A submit that finds its execution stopped cancels what it started, and leaves a wait so its end is told.
                allow(List.of("s3:PutObject"), List.of(bucket.objectsUnder(JobBucket.CALLBACKS))),
                allow(List.of("emr-serverless:CancelJobRun", "emr-serverless:GetJobRun"), emr.jobRuns(scope)),
                listBucket(),
                putEvents()));
        if (emr.resolveByName()) {
            // ListApplications has no resource-level permission: "*" is the only resource it accepts.
            statements.add(allow(List.of("emr-serverless:ListApplications"), List.of("*")));
        }
        if (emr.createAtRuntime()) {
            // Like ListApplications, CreateApplication takes no resource: a statement naming applications never matches it.
            statements.add(allow(List.of("emr-serverless:CreateApplication"), List.of("*")));
            statements.add(PolicyStatement.Builder.create()
                    .actions(List.of("iam:CreateServiceLinkedRole"))
                    .resources(List.of(Stack.of(scope).formatArn(ArnComponents.builder()
                            .service("iam").region("").resource("role")
                            .resourceName("aws-service-role/ops.emr-serverless.amazonaws.com/*").build())))
                    .conditions(Map.of("StringEquals", Map.of("iam:AWSServiceName", "ops.emr-serverless.amazonaws.com")))
                    .build());
        }
        return statements;
    }

    private List<PolicyStatement> awaitJobRun() {
        return List.of(
                allow(List.of("s3:GetObject", "s3:PutObject", "s3:DeleteObject"), List.of(bucket.objectsUnder(JobBucket.CALLBACKS))),
                claims(), listBucket(), getJobRun(), sendTaskResult(), putEvents());
    }

    private List<PolicyStatement> jobStateChange() {
        return List.of(
                allow(List.of("s3:GetObject", "s3:DeleteObject"), List.of(bucket.objectsUnder(JobBucket.CALLBACKS))),
                claims(), listBucket(), getJobRun(), sendTaskResult(), putEvents());
    }

    private List<PolicyStatement> reconcileJobRun() {
        return List.of(
                allow(List.of("s3:GetObject", "s3:DeleteObject"), List.of(bucket.objectsUnder(JobBucket.CALLBACKS))),
                claims(), listBucket(), getJobRun(), sendTaskResult(), putEvents());
    }

    /** Lists the stored waits (ListBucket on the bucket), the active runs per application, then finishes ended ones. */
    private List<PolicyStatement> reconcileSweep() {
        return List.of(
                allow(List.of("s3:GetObject", "s3:DeleteObject"), List.of(bucket.objectsUnder(JobBucket.CALLBACKS))),
                claims(), listBucket(),
                allow(List.of("emr-serverless:ListJobRuns"), emr.applications(scope)),
                getJobRun(), sendTaskResult(), putEvents());
    }

    private List<PolicyStatement> cancelJobRun() {
        return List.of(
                // Marks the run record stopped (conditional writes), creating it if the submit has not yet.
                allow(List.of("s3:GetObject", "s3:PutObject"), List.of(bucket.objectsUnder(JobBucket.RUNS))),
                allow(List.of("s3:PutObject"), List.of(bucket.objectsUnder(JobBucket.CALLBACKS))),
                listBucket(),
                allow(List.of("emr-serverless:ListJobRuns"), emr.applications(scope)),
                allow(List.of("emr-serverless:CancelJobRun", "emr-serverless:GetJobRun"), emr.jobRuns(scope)));
    }

    /** The claims of job run ends: read, and written only conditionally (create, or replace one version). */
    private PolicyStatement claims() {
        return allow(List.of("s3:GetObject", "s3:PutObject"), List.of(bucket.objectsUnder(JobBucket.CLAIMS)));
    }

    /** Why a wildcard resource of these statements is as narrow as it can be (cdk-nag IAM5). */
    String wildcardReason(String resource) {
        if (resource.equals("*")) {
            return "emr-serverless:ListApplications and CreateApplication have no resource-level permissions; resolving an"
                    + " application by name needs the first, creating one at run time (allowCreateApplication) the second.";
        }
        if (resource.endsWith("/jobruns/*")) {
            return "Job run ids are assigned by EMR Serverless at StartJobRun, so job-run actions are scoped to the runs of the"
                    + " pipeline's application(s), not to single runs.";
        }
        if (resource.endsWith("/applications/*")) {
            return "This deployment lets requests use applications whose ids are not known at deploy time"
                    + " (anyApplication or allowCreateApplication).";
        }
        if (resource.contains("aws-service-role/ops.emr-serverless")) {
            return "Only EMR Serverless's own service-linked role, which CreateApplication needs once per account.";
        }
        return "Objects are keyed by execution or job run at run time; the statement is limited to the one prefix of the"
                + " job bucket this function uses (entrypoints/, runs/, callbacks/ or claims/).";
    }

    private PolicyStatement getJobRun() {
        return allow(List.of("emr-serverless:GetJobRun"), emr.jobRuns(scope));
    }

    /** Only this deployment's state machine: a token of another machine is refused. */
    private PolicyStatement sendTaskResult() {
        return allow(List.of("states:SendTaskSuccess", "states:SendTaskFailure", "states:SendTaskHeartbeat"),
                List.of(stateMachineArn));
    }

    private PolicyStatement putEvents() {
        return allow(List.of("events:PutEvents"), List.of(eventBus.getEventBusArn()));
    }

    /**
     * Without ListBucket, S3 answers a read of a missing key with 403 instead of 404, and the
     * functions rely on "not found" (bootstrap not staged yet, no run record, no callback).
     * It reveals key names only, never contents.
     */
    private PolicyStatement listBucket() {
        return allow(List.of("s3:ListBucket"), List.of(bucket.bucket().getBucketArn()));
    }

    private static PolicyStatement allow(List<String> actions, List<String> resources) {
        return PolicyStatement.Builder.create().actions(actions).resources(resources).build();
    }
}
