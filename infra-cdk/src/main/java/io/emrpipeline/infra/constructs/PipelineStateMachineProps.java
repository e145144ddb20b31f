package io.emrpipeline.infra.constructs;

import io.emrpipeline.infra.settings.LogRetention;
import java.util.Objects;
import software.amazon.awscdk.services.logs.RetentionDays;

/** The state machine's name, the functions it calls and its wait heartbeat (the ASL comes from the contract). */
public final class PipelineStateMachineProps {

    private final String stateMachineName;
    private final PipelineFunctions functions;
    private final int heartbeatSeconds;
    private final RetentionDays logRetention;

    private PipelineStateMachineProps(Builder builder) {
        this.stateMachineName = Objects.requireNonNull(builder.stateMachineName, "stateMachineName");
        this.functions = Objects.requireNonNull(builder.functions, "functions");
        this.heartbeatSeconds = builder.heartbeatSeconds;
        this.logRetention = Objects.requireNonNull(builder.logRetention, "logRetention");
    }

    public static Builder builder() {
        return new Builder();
    }

    public String stateMachineName() { return stateMachineName; }
    public PipelineFunctions functions() { return functions; }
    public int heartbeatSeconds() { return heartbeatSeconds; }
    public RetentionDays logRetention() { return logRetention; }

    public static final class Builder {
        private String stateMachineName;
        private PipelineFunctions functions;
        private int heartbeatSeconds = 600;
        private RetentionDays logRetention = LogRetention.require(LogRetention.DEFAULT_DAYS);

        /** Fixed, so the functions can be granted this machine's ARN without referencing it. */
        public Builder stateMachineName(String value) { this.stateMachineName = value; return this; }
        public Builder functions(PipelineFunctions value) { this.functions = value; return this; }
        /** How long AwaitJobRun waits for a callback before ReconcileJobRun looks (the cost of a lost event). */
        public Builder heartbeatSeconds(int value) { this.heartbeatSeconds = value; return this; }
        /** Retention of the execution log group; {@code @default} {@link LogRetention#DEFAULT_DAYS}. */
        public Builder logRetention(RetentionDays value) { this.logRetention = value; return this; }

        public PipelineStateMachineProps build() {
            return new PipelineStateMachineProps(this);
        }
    }
}
