package io.emrpipeline.infra.constructs;

import java.nio.file.Path;
import java.util.Objects;
import software.amazon.awscdk.services.lambda.IFunction;

/** The two rules that keep executions and job runs in step, and the pattern files they use. */
public final class PipelineRulesProps {

    private final Path jobRunStateChangePattern;
    private final Path executionAbortedPattern;
    private final String stateMachineArn;
    private final IFunction jobStateChange;
    private final IFunction cancelJobRun;

    private PipelineRulesProps(Builder builder) {
        this.jobRunStateChangePattern = Objects.requireNonNull(builder.jobRunStateChangePattern, "jobRunStateChangePattern");
        this.executionAbortedPattern = Objects.requireNonNull(builder.executionAbortedPattern, "executionAbortedPattern");
        this.stateMachineArn = Objects.requireNonNull(builder.stateMachineArn, "stateMachineArn");
        this.jobStateChange = Objects.requireNonNull(builder.jobStateChange, "jobStateChange");
        this.cancelJobRun = Objects.requireNonNull(builder.cancelJobRun, "cancelJobRun");
    }

    public static Builder builder() {
        return new Builder();
    }

    public Path jobRunStateChangePattern() { return jobRunStateChangePattern; }
    public Path executionAbortedPattern() { return executionAbortedPattern; }
    public String stateMachineArn() { return stateMachineArn; }
    public IFunction jobStateChange() { return jobStateChange; }
    public IFunction cancelJobRun() { return cancelJobRun; }

    public static final class Builder {
        private Path jobRunStateChangePattern;
        private Path executionAbortedPattern;
        private String stateMachineArn;
        private IFunction jobStateChange;
        private IFunction cancelJobRun;

        public Builder jobRunStateChangePattern(Path value) { this.jobRunStateChangePattern = value; return this; }
        public Builder executionAbortedPattern(Path value) { this.executionAbortedPattern = value; return this; }
        /** Fills ${StateMachineArn} in the aborted/timed-out pattern: only this machine's executions. */
        public Builder stateMachineArn(String value) { this.stateMachineArn = value; return this; }
        public Builder jobStateChange(IFunction value) { this.jobStateChange = value; return this; }
        public Builder cancelJobRun(IFunction value) { this.cancelJobRun = value; return this; }

        public PipelineRulesProps build() {
            return new PipelineRulesProps(this);
        }
    }
}
