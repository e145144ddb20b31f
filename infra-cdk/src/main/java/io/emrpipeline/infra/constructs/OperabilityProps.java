package io.emrpipeline.infra.constructs;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awscdk.services.events.IRule;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.sns.ITopic;
import software.amazon.awscdk.services.stepfunctions.IStateMachine;

/** What the dashboard shows and the alarms watch, and where alarms go. */
public final class OperabilityProps {

    private final String dashboardName;
    private final IStateMachine stateMachine;
    private final Map<String, IFunction> functions;
    private final List<IRule> deliveryRules;
    private final ITopic alarmTopic;
    private final int longExecutionMinutes;

    private OperabilityProps(Builder builder) {
        this.dashboardName = Objects.requireNonNull(builder.dashboardName, "dashboardName");
        this.stateMachine = Objects.requireNonNull(builder.stateMachine, "stateMachine");
        this.functions = Map.copyOf(builder.functions);
        this.deliveryRules = List.copyOf(builder.deliveryRules);
        this.alarmTopic = Objects.requireNonNull(builder.alarmTopic, "alarmTopic");
        this.longExecutionMinutes = builder.longExecutionMinutes;
    }

    public static Builder builder() {
        return new Builder();
    }

    public String dashboardName() { return dashboardName; }
    public IStateMachine stateMachine() { return stateMachine; }
    public Map<String, IFunction> functions() { return functions; }
    public List<IRule> deliveryRules() { return deliveryRules; }
    public ITopic alarmTopic() { return alarmTopic; }
    public int longExecutionMinutes() { return longExecutionMinutes; }

    public static final class Builder {
        private String dashboardName;
        private IStateMachine stateMachine;
        private Map<String, IFunction> functions = Map.of();
        private List<IRule> deliveryRules = List.of();
        private ITopic alarmTopic;
        private int longExecutionMinutes = 720;

        public Builder dashboardName(String value) { this.dashboardName = value; return this; }
        public Builder stateMachine(IStateMachine value) { this.stateMachine = value; return this; }
        public Builder functions(Map<String, IFunction> value) { this.functions = value; return this; }
        /** Rules whose failed deliveries matter (a lost cancel leaves a job running). */
        public Builder deliveryRules(List<IRule> value) { this.deliveryRules = value; return this; }
        public Builder alarmTopic(ITopic value) { this.alarmTopic = value; return this; }
        /** An execution that ran longer than this is reported. */
        public Builder longExecutionMinutes(int value) { this.longExecutionMinutes = value; return this; }

        public OperabilityProps build() {
            return new OperabilityProps(this);
        }
    }
}
