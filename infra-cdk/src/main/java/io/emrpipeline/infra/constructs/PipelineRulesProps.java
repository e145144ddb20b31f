package io.emrpipeline.infra.constructs;

import java.util.List;
import java.util.Objects;
import software.amazon.awscdk.services.lambda.IFunction;

/** The rules that keep executions and job runs in step: the machine they watch, their targets and the sweep's period. */
public final class PipelineRulesProps {

    private final String stateMachineArn;
    private final IFunction jobStateChange;
    private final IFunction cancelJobRun;
    private final IFunction reconcileSweep;
    private final int reconcileMinutes;
    private final List<String> applicationIds;

    private PipelineRulesProps(Builder builder) {
        this.stateMachineArn = Objects.requireNonNull(builder.stateMachineArn, "stateMachineArn");
        this.jobStateChange = Objects.requireNonNull(builder.jobStateChange, "jobStateChange");
        this.cancelJobRun = Objects.requireNonNull(builder.cancelJobRun, "cancelJobRun");
        this.reconcileSweep = Objects.requireNonNull(builder.reconcileSweep, "reconcileSweep");
        this.reconcileMinutes = builder.reconcileMinutes;
        this.applicationIds = List.copyOf(builder.applicationIds);
    }

    public static Builder builder() {
        return new Builder();
    }

    public String stateMachineArn() { return stateMachineArn; }
    public IFunction jobStateChange() { return jobStateChange; }
    public IFunction cancelJobRun() { return cancelJobRun; }
    public IFunction reconcileSweep() { return reconcileSweep; }
    public int reconcileMinutes() { return reconcileMinutes; }
    public List<String> applicationIds() { return applicationIds; }

    public static final class Builder {
        private String stateMachineArn;
        private IFunction jobStateChange;
        private IFunction cancelJobRun;
        private IFunction reconcileSweep;
        private int reconcileMinutes = 5;
        private List<String> applicationIds = List.of();

        /** Fills the contract's state machine ARN placeholder in the aborted/timed-out pattern: only this machine's executions. */
        public Builder stateMachineArn(String value) { this.stateMachineArn = value; return this; }
        public Builder jobStateChange(IFunction value) { this.jobStateChange = value; return this; }
        public Builder cancelJobRun(IFunction value) { this.cancelJobRun = value; return this; }
        public Builder reconcileSweep(IFunction value) { this.reconcileSweep = value; return this; }
        /** How often the sweep finds lost ends (a lost event costs at most this long); {@code @default} 5. */
        public Builder reconcileMinutes(int value) { this.reconcileMinutes = value; return this; }
        /**
         * The deployment's applications: the job state rule matches only their runs, so other teams'
         * jobs never reach JobStateChange. {@code @default} empty: any application (ids unknown at deploy time).
         */
        public Builder applicationIds(List<String> value) { this.applicationIds = value; return this; }

        public PipelineRulesProps build() {
            return new PipelineRulesProps(this);
        }
    }
}
