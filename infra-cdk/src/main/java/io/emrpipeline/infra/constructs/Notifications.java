package io.emrpipeline.infra.constructs;

import io.emrpipeline.contract.Contract;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.events.EventBus;
import software.amazon.awscdk.services.events.EventField;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.RuleTargetInput;
import software.amazon.awscdk.services.events.targets.SnsTopic;
import software.amazon.awscdk.services.events.targets.SnsTopicProps;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import software.constructs.Construct;

/**
 * Where people hear about the pipeline: a custom event bus for its domain events (schema in
 * docs/events.md), an encrypted SNS topic, and two rules that turn failures into readable
 * messages. A failed or cancelled job is told once, by its domain event (which carries the log
 * links); the execution rule covers every other failure, so the two never repeat each other.
 * Both patterns are contract files: notifyJobRunFailed and notifyExecutionFailed.
 */
public final class Notifications extends Construct {

    private final EventBus eventBus;
    private final Topic topic;
    private final Rule executionFailed;
    private final Rule jobRunFailed;

    public Notifications(Construct scope, String id, NotificationsProps props) {
        super(scope, id);
        this.eventBus = EventBus.Builder.create(this, "Bus")
                .eventBusName(props.namePrefix() + "-events")
                .description("Domain events of emr-pipeline: job run submitted, succeeded, failed, cancelled")
                .build();
        Key key = Key.Builder.create(this, "TopicKey")
                .description("Encrypts the emr-pipeline notification topic")
                .enableKeyRotation(true)
                .pendingWindow(Duration.days(7))
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        // The publishers of an encrypted topic need the key: EventBridge (rules) and CloudWatch (alarms).
        for (String service : List.of("events.amazonaws.com", "cloudwatch.amazonaws.com")) {
            key.grant(new ServicePrincipal(service), "kms:Decrypt", "kms:GenerateDataKey*");
        }
        this.topic = Topic.Builder.create(this, "Topic")
                .topicName(props.namePrefix() + "-notifications")
                .displayName("emr-pipeline")
                .masterKey(key)
                .enforceSsl(true)
                .build();
        props.emails().forEach(email -> topic.addSubscription(new EmailSubscription(email)));

        Contract contract = Contract.get();
        // The pattern leaves out the execution errors that mean "the job itself failed or was
        // cancelled": the job's domain event reports those, with its log links.
        this.executionFailed = Rule.Builder.create(this, "ExecutionFailed")
                .description("An emr-pipeline execution failed or timed out for a reason other than its job's own end")
                .eventPattern(EventPatternFile.load(contract.eventPattern("notifyExecutionFailed"),
                        Map.of(contract.stateMachineArnPlaceholder(), props.stateMachineArn())))
                .targets(List.of(new SnsTopic(topic, SnsTopicProps.builder().message(executionMessage()).build())))
                .build();
        this.jobRunFailed = Rule.Builder.create(this, "JobRunFailed")
                .description("An emr-pipeline job run failed or was cancelled")
                .eventBus(eventBus)
                .eventPattern(EventPatternFile.load(contract.eventPattern("notifyJobRunFailed"), Map.of()))
                .targets(List.of(new SnsTopic(topic, SnsTopicProps.builder().message(jobRunMessage()).build())))
                .build();
    }

    public EventBus eventBus() { return eventBus; }
    public Topic topic() { return topic; }
    public Rule executionFailed() { return executionFailed; }
    public Rule jobRunFailed() { return jobRunFailed; }

    private static RuleTargetInput executionMessage() {
        return RuleTargetInput.fromText("emr-pipeline execution " + EventField.fromPath("$.detail.name")
                + " ended " + EventField.fromPath("$.detail.status")
                + " with error " + EventField.fromPath("$.detail.error")
                + ": " + EventField.fromPath("$.detail.cause")
                + " | Execution: " + EventField.fromPath("$.detail.executionArn")
                + " | Region: " + EventField.fromPath("$.region"));
    }

    private static RuleTargetInput jobRunMessage() {
        return RuleTargetInput.fromText("emr-pipeline job run " + EventField.fromPath("$.detail.jobRunName")
                + " (application " + EventField.fromPath("$.detail.applicationId")
                + ", job run " + EventField.fromPath("$.detail.jobRunId")
                + ") ended " + EventField.fromPath("$.detail.state")
                + ": " + EventField.fromPath("$.detail.stateDetails")
                + " | Driver stderr: " + EventField.fromPath("$.detail.links.driverStderr")
                + " | EMR console: " + EventField.fromPath("$.detail.links.emrConsole")
                + " | Execution: " + EventField.fromPath("$.detail.executionArn"));
    }
}
