package io.emrpipeline.infra.constructs;

import java.util.Objects;
import software.amazon.awscdk.services.lambda.IFunction;

/** The two rules that keep executions and job runs in step: the machine they watch and their targets. */
public final class PipelineRulesProps {

    private final String stateMachineArn;
    private final IFunction jobStateChange;
    private final IFunction cancelJobRun;

    private PipelineRulesProps(Builder builder) {
        this.stateMachineArn = Objects.requireNonNull(builder.stateMachineArn, "stateMachineArn");
        this.jobStateChange = Objects.requireNonNull(builder.jobStateChange, "jobStateChange");
        this.cancelJobRun = Objects.requireNonNull(builder.cancelJobRun, "cancelJobRun");
    }

    public static Builder builder() {
        return new Builder();
    }

    public String stateMachineArn() { return stateMachineArn; }
    public IFunction jobStateChange() { return jobStateChange; }
    public IFunction cancelJobRun() { return cancelJobRun; }

    public static final class Builder {
        private String stateMachineArn;
        private IFunction jobStateChange;
        private IFunction cancelJobRun;

        /** Fills the contract's state machine ARN placeholder in the aborted/timed-out pattern: only this machine's executions. */
        public Builder stateMachineArn(String value) { this.stateMachineArn = value; return this; }
        public Builder jobStateChange(IFunction value) { this.jobStateChange = value; return this; }
        public Builder cancelJobRun(IFunction value) { this.cancelJobRun = value; return this; }

        public PipelineRulesProps build() {
            return new PipelineRulesProps(this);
        }
    }
}
