package io.emrpipeline.infra;

import io.emrpipeline.infra.constructs.EmrAccess;
import io.emrpipeline.infra.constructs.EmrApplication;
import io.emrpipeline.infra.constructs.EmrApplicationProps;
import io.emrpipeline.infra.constructs.JobBucket;
import io.emrpipeline.infra.constructs.JobBucketProps;
import io.emrpipeline.infra.constructs.JobRuntimeRole;
import io.emrpipeline.infra.constructs.JobRuntimeRoleProps;
import io.emrpipeline.infra.constructs.Notifications;
import io.emrpipeline.infra.constructs.NotificationsProps;
import io.emrpipeline.infra.constructs.Operability;
import io.emrpipeline.infra.constructs.OperabilityProps;
import io.emrpipeline.infra.constructs.PipelineFunctions;
import io.emrpipeline.infra.constructs.PipelineFunctionsProps;
import io.emrpipeline.infra.constructs.PipelineRules;
import io.emrpipeline.infra.constructs.PipelineRulesProps;
import io.emrpipeline.infra.constructs.PipelineStateMachine;
import io.emrpipeline.infra.constructs.PipelineStateMachineProps;
import io.emrpipeline.infra.settings.ApplicationSettings;
import io.emrpipeline.infra.settings.LogRetention;
import io.emrpipeline.infra.settings.PipelineSettings;
import io.emrpipeline.infra.settings.RoleSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/** One deployment of the pipeline: wires the constructs together from the settings. */
public final class PipelineStack extends Stack {

    private final PipelineFunctions functions;
    private final PipelineStateMachine stateMachine;
    private final Notifications notifications;

    public PipelineStack(Construct scope, String id, StackProps props, PipelineSettings settings, RepoFiles files) {
        super(scope, id, props);
        String prefix = settings.namePrefix();
        RetentionDays retention = LogRetention.require(settings.logRetentionDays());
        String stateMachineArn = PipelineStateMachine.arnFor(this, prefix);

        JobBucket bucket = new JobBucket(this, "JobBucket", JobBucketProps.builder()
                .existingBucketName(settings.bucket().existingBucketName())
                .runRecordExpirationDays(settings.bucket().runRecordExpirationDays())
                .callbackExpirationDays(settings.bucket().callbackExpirationDays())
                .logExpirationDays(settings.bucket().logExpirationDays())
                .build());

        Applications applications = applications(settings.application());
        EmrAccess emrAccess = applications.access();
        JobRoles roles = jobRoles(settings.roles(), bucket);

        this.notifications = new Notifications(this, "Notifications", NotificationsProps.builder()
                .namePrefix(prefix)
                .stateMachineArn(stateMachineArn)
                .emails(settings.notificationEmails())
                .build());
        this.functions = new PipelineFunctions(this, "Functions", PipelineFunctionsProps.builder()
                .namePrefix(prefix)
                .functionsJar(files.functionsJar().toString())
                .memoryMb(settings.functionMemoryMb())
                .logRetention(retention)
                .jobBucket(bucket)
                .emrAccess(emrAccess)
                .executionRoleArns(roles.arns())
                .defaultExecutionRoleArn(roles.defaultArn())
                .eventBus(notifications.eventBus())
                .stateMachineArn(stateMachineArn)
                .build());
        this.stateMachine = new PipelineStateMachine(this, "Pipeline", PipelineStateMachineProps.builder()
                .stateMachineName(prefix)
                .functions(functions)
                .logRetention(retention)
                .build());
        PipelineRules rules = new PipelineRules(this, "Rules", PipelineRulesProps.builder()
                .stateMachineArn(stateMachine.stateMachine().getStateMachineArn())
                .jobStateChange(functions.jobStateChange())
                .cancelJobRun(functions.cancelJobRun())
                .reconcileSweep(functions.reconcileSweep())
                .reconcileMinutes(settings.reconcileMinutes())
                .applicationIds(applications.ids())
                .build());
        new Operability(this, "Operability", OperabilityProps.builder()
                .dashboardName(prefix)
                .stateMachine(stateMachine.stateMachine())
                .functions(functions.all())
                .deliveryRules(List.of(rules.jobRunStateChange(), rules.cancelOnAbort()))
                .alarmTopic(notifications.topic())
                .longExecutionMinutes(settings.longExecutionMinutes())
                .build());

        CfnOutput.Builder.create(this, "StateMachineArn").value(stateMachine.stateMachine().getStateMachineArn())
                .description("Start jobs with: aws stepfunctions start-execution --state-machine-arn <this>").build();
        CfnOutput.Builder.create(this, "JobBucketName").value(bucket.bucket().getBucketName()).build();
        CfnOutput.Builder.create(this, "EventBusName").value(notifications.eventBus().getEventBusName()).build();
        CfnOutput.Builder.create(this, "NotificationTopicArn").value(notifications.topic().getTopicArn()).build();
    }

    public PipelineFunctions functions() { return functions; }
    public PipelineStateMachine stateMachine() { return stateMachine; }
    public Notifications notifications() { return notifications; }

    /**
     * The applications the pipeline uses, with their ids where all are known at deploy time (the job
     * state rule then matches only their runs); no ids when requests may use any application.
     */
    private record Applications(EmrAccess access, List<String> ids) {}

    /** The applications the functions may use: the created one, the listed ones, or all of them. */
    private Applications applications(ApplicationSettings app) {
        List<String> applicationArns = new ArrayList<>();
        List<String> ids = new ArrayList<>(app.existingIds());
        if (app.create()) {
            EmrApplication application = new EmrApplication(this, "EmrApplication",
                    EmrApplicationProps.builder().application(app).build());
            applicationArns.add(application.applicationArn());
            ids.add(0, application.applicationId());
            CfnOutput.Builder.create(this, "ApplicationId").value(application.applicationId())
                    .description("The EMR Serverless application this stack created").build();
        }
        app.existingIds().forEach(applicationId -> applicationArns.add(EmrAccess.applicationArn(this, applicationId)));
        EmrAccess access = new EmrAccess(app.scopesToAllApplications() ? List.of() : applicationArns,
                app.scopesToAllApplications(), app.resolveByName(), app.allowCreateAtRuntime());
        return new Applications(access, app.scopesToAllApplications() ? List.of() : ids);
    }

    /** The roles jobs may run as; a created job role comes first and is the default unless one is set. */
    private JobRoles jobRoles(RoleSettings settings, JobBucket bucket) {
        List<String> arns = new ArrayList<>(settings.allowedRoleArns());
        Optional<String> defaultArn = settings.defaultRoleArn();
        if (settings.createJobRole()) {
            JobRuntimeRole jobRole = new JobRuntimeRole(this, "JobRuntimeRole", JobRuntimeRoleProps.builder()
                    .jobBucket(bucket)
                    .readS3Uris(settings.jobReadS3Uris())
                    .writeS3Uris(settings.jobWriteS3Uris())
                    .build());
            String created = jobRole.role().getRoleArn();
            arns.add(0, created);
            defaultArn = defaultArn.or(() -> Optional.of(created));
            CfnOutput.Builder.create(this, "JobRuntimeRoleArn").value(created)
                    .description("The default job runtime role; attach your data permissions to it").build();
        }
        return new JobRoles(arns, defaultArn);
    }

    private record JobRoles(List<String> arns, Optional<String> defaultArn) {}
}
