package io.emrpipeline.infra.constructs;

import io.emrpipeline.contract.Contract;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    /** A field of the event in a contract.json notification template: {@code <$.detail.state>}. */
    private static final Pattern FIELD = Pattern.compile("<(\\$[^>]+)>");

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
                .targets(List.of(new SnsTopic(topic, SnsTopicProps.builder()
                        .message(message(contract.notificationTemplate("notifyExecutionFailed"))).build())))
                .build();
        this.jobRunFailed = Rule.Builder.create(this, "JobRunFailed")
                .description("An emr-pipeline job run failed or was cancelled")
                .eventBus(eventBus)
                .eventPattern(EventPatternFile.load(contract.eventPattern("notifyJobRunFailed"), Map.of()))
                .targets(List.of(new SnsTopic(topic, SnsTopicProps.builder()
                        .message(message(contract.notificationTemplate("notifyJobRunFailed"))).build())))
                .build();
    }

    public EventBus eventBus() { return eventBus; }
    public Topic topic() { return topic; }
    public Rule executionFailed() { return executionFailed; }
    public Rule jobRunFailed() { return jobRunFailed; }

    /**
     * The contract's message for a notify rule: each {@code <$.path>} becomes an input-transformer
     * field, so on-call reads the same text the local pipeline delivers.
     */
    static RuleTargetInput message(String template) {
        Matcher field = FIELD.matcher(template);
        StringBuilder text = new StringBuilder();
        while (field.find()) {
            field.appendReplacement(text, Matcher.quoteReplacement(EventField.fromPath(field.group(1))));
        }
        field.appendTail(text);
        return RuleTargetInput.fromText(text.toString());
    }
}
