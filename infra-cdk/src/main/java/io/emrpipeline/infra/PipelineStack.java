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
import io.emrpipeline.infra.settings.PipelineSettings;
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
        RetentionDays retention = retention(settings.logRetentionDays());
        String stateMachineArn = PipelineStateMachine.arnFor(this, prefix);

        JobBucket bucket = new JobBucket(this, "JobBucket", JobBucketProps.builder()
                .existingBucketName(settings.bucket().existingBucketName())
                .runRecordExpirationDays(settings.bucket().runRecordExpirationDays())
                .callbackExpirationDays(settings.bucket().callbackExpirationDays())
                .logExpirationDays(settings.bucket().logExpirationDays())
                .build());

        ApplicationSettings app = settings.application();
        List<String> applicationArns = new ArrayList<>();
        if (app.create()) {
            EmrApplication application = new EmrApplication(this, "EmrApplication",
                    EmrApplicationProps.builder().application(app).build());
            applicationArns.add(application.applicationArn());
            CfnOutput.Builder.create(this, "ApplicationId").value(application.applicationId())
                    .description("The EMR Serverless application this stack created").build();
        }
        app.existingIds().forEach(applicationId -> applicationArns.add(EmrAccess.applicationArn(this, applicationId)));
        EmrAccess emrAccess = new EmrAccess(app.scopesToAllApplications() ? List.of() : applicationArns,
                app.scopesToAllApplications(), app.resolveByName(), app.allowCreateAtRuntime());

        List<String> roleArns = new ArrayList<>(settings.roles().allowedRoleArns());
        Optional<String> defaultRole = settings.roles().defaultRoleArn();
        if (settings.roles().createJobRole()) {
            JobRuntimeRole jobRole = new JobRuntimeRole(this, "JobRuntimeRole", JobRuntimeRoleProps.builder()
                    .jobBucket(bucket)
                    .readS3Uris(settings.roles().jobReadS3Uris())
                    .writeS3Uris(settings.roles().jobWriteS3Uris())
                    .build());
            roleArns.add(0, jobRole.role().getRoleArn());
            defaultRole = defaultRole.or(() -> Optional.of(jobRole.role().getRoleArn()));
            CfnOutput.Builder.create(this, "JobRuntimeRoleArn").value(jobRole.role().getRoleArn())
                    .description("The default job runtime role; attach your data permissions to it").build();
        }

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
                .executionRoleArns(roleArns)
                .defaultExecutionRoleArn(defaultRole)
                .eventBus(notifications.eventBus())
                .stateMachineArn(stateMachineArn)
                .build());
        this.stateMachine = new PipelineStateMachine(this, "Pipeline", PipelineStateMachineProps.builder()
                .stateMachineName(prefix)
                .definitionFile(files.stateMachineDefinition())
                .functions(functions)
                .heartbeatSeconds(settings.heartbeatSeconds())
                .logRetention(retention)
                .build());
        PipelineRules rules = new PipelineRules(this, "Rules", PipelineRulesProps.builder()
                .jobRunStateChangePattern(files.jobRunStateChangePattern())
                .executionAbortedPattern(files.executionAbortedPattern())
                .stateMachineArn(stateMachine.stateMachine().getStateMachineArn())
                .jobStateChange(functions.jobStateChange())
                .cancelJobRun(functions.cancelJobRun())
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

    private static RetentionDays retention(int days) {
        for (RetentionDays value : RetentionDays.values()) {
            if (value != RetentionDays.INFINITE && toDays(value) == days) {
                return value;
            }
        }
        throw new IllegalArgumentException("No CloudWatch Logs retention of " + days + " days");
    }

    private static int toDays(RetentionDays value) {
        return switch (value.name()) {
            case "ONE_DAY" -> 1; case "THREE_DAYS" -> 3; case "FIVE_DAYS" -> 5; case "ONE_WEEK" -> 7;
            case "TWO_WEEKS" -> 14; case "ONE_MONTH" -> 30; case "TWO_MONTHS" -> 60; case "THREE_MONTHS" -> 90;
            case "FOUR_MONTHS" -> 120; case "FIVE_MONTHS" -> 150; case "SIX_MONTHS" -> 180; case "ONE_YEAR" -> 365;
            case "THIRTEEN_MONTHS" -> 400; case "EIGHTEEN_MONTHS" -> 545; case "TWO_YEARS" -> 731;
            case "THREE_YEARS" -> 1096; case "FIVE_YEARS" -> 1827; case "SIX_YEARS" -> 2192; case "SEVEN_YEARS" -> 2557;
            case "EIGHT_YEARS" -> 2922; case "NINE_YEARS" -> 3288; case "TEN_YEARS" -> 3653;
            default -> -1;
        };
    }
}
