package io.emrpipeline.infra.constructs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.Dashboard;
import software.amazon.awscdk.services.cloudwatch.GraphWidget;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.IWidget;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.events.IRule;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.stepfunctions.IStateMachine;
import software.constructs.Construct;

/**
 * A dashboard and the alarms an on-call person needs. Step Functions publishes no metric for
 * executions still running, so "stuck" is caught two ways: TIMED_OUT executions, and an
 * execution whose duration passed longExecutionMinutes (reported when it ends).
 */
public final class Operability extends Construct {

    private static final Duration PERIOD = Duration.minutes(5);

    private final List<Alarm> alarms = new ArrayList<>();

    public Operability(Construct scope, String id, OperabilityProps props) {
        super(scope, id);
        IStateMachine machine = props.stateMachine();
        MetricOptions sum = MetricOptions.builder().period(PERIOD).statistic("Sum").build();
        Map<String, IFunction> functions = new TreeMap<>(props.functions());

        alarm("ExecutionsFailed", "An emr-pipeline execution failed", machine.metricFailed(sum), 1, props);
        alarm("ExecutionsTimedOut", "An emr-pipeline execution timed out", machine.metricTimedOut(sum), 1, props);
        alarm("LongExecution", "An emr-pipeline execution ran longer than " + props.longExecutionMinutes() + " minutes",
                machine.metricTime(MetricOptions.builder().period(PERIOD).statistic("Maximum").build()),
                props.longExecutionMinutes() * 60_000d, props);
        for (IRule rule : props.deliveryRules()) {
            alarm("FailedDelivery" + rule.getNode().getId(), "EventBridge could not deliver an event to a pipeline function",
                    ruleMetric(rule, "FailedInvocations"), 1, props);
        }
        functions.forEach((name, function) -> alarm(name + "Errors", name + " failed",
                function.metricErrors(sum), 1, props));

        Dashboard.Builder.create(this, "Dashboard")
                .dashboardName(props.dashboardName())
                .widgets(List.of(
                        List.<IWidget>of(graph("Executions", List.of(machine.metricStarted(sum), machine.metricSucceeded(sum),
                                        machine.metricFailed(sum), machine.metricTimedOut(sum), machine.metricAborted(sum))),
                                graph("Execution (job) duration, ms", List.of(
                                        machine.metricTime(MetricOptions.builder().period(PERIOD).statistic("p50").build()),
                                        machine.metricTime(MetricOptions.builder().period(PERIOD).statistic("Maximum").build())))),
                        List.<IWidget>of(graph("Lambda errors", functions.values().stream().map(f -> (IMetric) f.metricErrors(sum)).toList()),
                                graph("Lambda throttles", functions.values().stream().map(f -> (IMetric) f.metricThrottles(sum)).toList())),
                        List.<IWidget>of(graph("Rule deliveries failed", props.deliveryRules().stream()
                                .map(rule -> (IMetric) ruleMetric(rule, "FailedInvocations")).toList()))))
                .build();
    }

    public List<Alarm> alarms() {
        return List.copyOf(alarms);
    }

    private void alarm(String id, String description, IMetric metric, double threshold, OperabilityProps props) {
        Alarm alarm = Alarm.Builder.create(this, id + "Alarm")
                .alarmDescription(description)
                .metric(metric)
                .threshold(threshold)
                .evaluationPeriods(1)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build();
        alarm.addAlarmAction(new SnsAction(props.alarmTopic()));
        alarms.add(alarm);
    }

    private static Metric ruleMetric(IRule rule, String name) {
        return Metric.Builder.create()
                .namespace("AWS/Events")
                .metricName(name)
                .dimensionsMap(Map.of("RuleName", rule.getRuleName()))
                .period(PERIOD)
                .statistic("Sum")
                .build();
    }

    private static GraphWidget graph(String title, List<IMetric> metrics) {
        return GraphWidget.Builder.create().title(title).left(metrics).width(12).build();
    }
}
