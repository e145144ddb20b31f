package io.emrpipeline.infra.constructs;

import io.emrpipeline.infra.settings.LogRetention;
import java.util.Objects;
import software.amazon.awscdk.services.logs.RetentionDays;

/** The state machine's name and the functions it calls (the ASL comes from the contract). */
public final class PipelineStateMachineProps {

    private final String stateMachineName;
    private final PipelineFunctions functions;
    private final RetentionDays logRetention;

    private PipelineStateMachineProps(Builder builder) {
        this.stateMachineName = Objects.requireNonNull(builder.stateMachineName, "stateMachineName");
        this.functions = Objects.requireNonNull(builder.functions, "functions");
        this.logRetention = Objects.requireNonNull(builder.logRetention, "logRetention");
    }

    public static Builder builder() {
        return new Builder();
    }

    public String stateMachineName() { return stateMachineName; }
    public PipelineFunctions functions() { return functions; }
    public RetentionDays logRetention() { return logRetention; }

    public static final class Builder {
        private String stateMachineName;
        private PipelineFunctions functions;
        private RetentionDays logRetention = LogRetention.require(LogRetention.DEFAULT_DAYS);

        /** Fixed, so the functions can be granted this machine's ARN without referencing it. */
        public Builder stateMachineName(String value) { this.stateMachineName = value; return this; }
        public Builder functions(PipelineFunctions value) { this.functions = value; return this; }
        /** Retention of the execution log group; {@code @default} {@link LogRetention#DEFAULT_DAYS}. */
        public Builder logRetention(RetentionDays value) { this.logRetention = value; return this; }

        public PipelineStateMachineProps build() {
            return new PipelineStateMachineProps(this);
        }
    }
}
