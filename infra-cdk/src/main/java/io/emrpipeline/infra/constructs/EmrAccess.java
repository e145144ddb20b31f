package io.emrpipeline.infra.constructs;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.Stack;
import software.constructs.Construct;

/**
 * Which EMR Serverless applications the pipeline may act on. Application ARNs end in
 * {@code :/applications/<id>} and job runs in {@code /jobruns/<id>}, so statements can be scoped
 * to known applications; when ids are only known at run time (created by a request, or any
 * application of the account) the scope is {@code /applications/*}.
 *
 * @param applicationArns ARNs of the applications jobs may run on; empty when {@code allApplications}
 * @param allApplications every application of the account and region
 * @param resolveByName requests may name an application: ListApplications, which has no resource scope
 * @param createAtRuntime requests may create an application (allowCreateApplication)
 */
public record EmrAccess(List<String> applicationArns, boolean allApplications, boolean resolveByName, boolean createAtRuntime) {

    public EmrAccess {
        applicationArns = List.copyOf(applicationArns);
        if (!allApplications && applicationArns.isEmpty()) {
            throw new IllegalArgumentException("EmrAccess names no application");
        }
    }

    public static String applicationArn(Construct scope, String applicationId) {
        return Stack.of(scope).formatArn(ArnComponents.builder()
                .service("emr-serverless")
                .resource("/applications")
                .resourceName(applicationId)
                .arnFormat(ArnFormat.SLASH_RESOURCE_NAME)
                .build());
    }

    /** Resources for actions on applications (GetApplication, StartJobRun, ListJobRuns). */
    public List<String> applications(Construct scope) {
        return allApplications ? List.of(applicationArn(scope, "*")) : applicationArns;
    }

    /** Resources for actions on job runs (GetJobRun, CancelJobRun, tagging a new run). */
    public List<String> jobRuns(Construct scope) {
        List<String> arns = new ArrayList<>();
        for (String application : applications(scope)) {
            arns.add(application + "/jobruns/*");
        }
        return arns;
    }
}
