package io.emrpipeline.infra.constructs;

import io.emrpipeline.contract.Contract;
import io.emrpipeline.infra.settings.LogRetention;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awscdk.services.events.IEventBus;
import software.amazon.awscdk.services.logs.RetentionDays;

/** What {@link PipelineFunctions} deploys and what its functions may touch. */
public final class PipelineFunctionsProps {

    private final String namePrefix;
    private final String functionsJar;
    private final int memoryMb;
    private final RetentionDays logRetention;
    private final JobBucket jobBucket;
    private final EmrAccess emrAccess;
    private final List<String> executionRoleArns;
    private final Optional<String> defaultExecutionRoleArn;
    private final IEventBus eventBus;
    private final String stateMachineArn;

    private PipelineFunctionsProps(Builder builder) {
        this.namePrefix = Objects.requireNonNull(builder.namePrefix, "namePrefix");
        this.functionsJar = Objects.requireNonNull(builder.functionsJar, "functionsJar");
        this.memoryMb = builder.memoryMb;
        this.logRetention = Objects.requireNonNull(builder.logRetention, "logRetention");
        this.jobBucket = Objects.requireNonNull(builder.jobBucket, "jobBucket");
        this.emrAccess = Objects.requireNonNull(builder.emrAccess, "emrAccess");
        this.executionRoleArns = List.copyOf(builder.executionRoleArns);
        this.defaultExecutionRoleArn = Objects.requireNonNull(builder.defaultExecutionRoleArn);
        this.eventBus = Objects.requireNonNull(builder.eventBus, "eventBus");
        this.stateMachineArn = Objects.requireNonNull(builder.stateMachineArn, "stateMachineArn");
        if (executionRoleArns.isEmpty()) {
            throw new IllegalArgumentException("executionRoleArns is empty: jobs would have no role to run as");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public String namePrefix() { return namePrefix; }
    public String functionsJar() { return functionsJar; }
    public int memoryMb() { return memoryMb; }
    public RetentionDays logRetention() { return logRetention; }
    public JobBucket jobBucket() { return jobBucket; }
    public EmrAccess emrAccess() { return emrAccess; }
    public List<String> executionRoleArns() { return executionRoleArns; }
    public Optional<String> defaultExecutionRoleArn() { return defaultExecutionRoleArn; }
    public IEventBus eventBus() { return eventBus; }
    public String stateMachineArn() { return stateMachineArn; }

    public static final class Builder {
        private String namePrefix;
        private String functionsJar;
        private int memoryMb = Contract.get().functionMemoryMb();
        private RetentionDays logRetention = LogRetention.require(LogRetention.DEFAULT_DAYS);
        private JobBucket jobBucket;
        private EmrAccess emrAccess;
        private List<String> executionRoleArns = List.of();
        private Optional<String> defaultExecutionRoleArn = Optional.empty();
        private IEventBus eventBus;
        private String stateMachineArn;

        /** Function names are {@code <prefix>-submit-job-run} and so on. */
        public Builder namePrefix(String value) { this.namePrefix = value; return this; }
        /** Path of the shaded functions jar. */
        public Builder functionsJar(String value) { this.functionsJar = value; return this; }
        /** Memory of each function; {@code @default} functionMemoryMb of contract.json. */
        public Builder memoryMb(int value) { this.memoryMb = value; return this; }
        /** Retention of each function's log group; {@code @default} {@link LogRetention#DEFAULT_DAYS}. */
        public Builder logRetention(RetentionDays value) { this.logRetention = value; return this; }
        public Builder jobBucket(JobBucket value) { this.jobBucket = value; return this; }
        public Builder emrAccess(EmrAccess value) { this.emrAccess = value; return this; }
        /** The job runtime roles requests may use (EXECUTION_ROLE_ARNS, and the scope of iam:PassRole). */
        public Builder executionRoleArns(List<String> value) { this.executionRoleArns = value; return this; }
        public Builder defaultExecutionRoleArn(Optional<String> value) { this.defaultExecutionRoleArn = value; return this; }
        /** Where domain events go (EVENT_BUS_NAME). */
        public Builder eventBus(IEventBus value) { this.eventBus = value; return this; }
        /**
         * The ARN of the state machine whose task tokens the functions complete. Pass the ARN
         * built from the machine's name, not a reference to the machine: the machine already
         * references the functions, and a reference back would be a dependency cycle.
         */
        public Builder stateMachineArn(String value) { this.stateMachineArn = value; return this; }

        public PipelineFunctionsProps build() {
            return new PipelineFunctionsProps(this);
        }
    }
}
