package io.emrpipeline.infra.constructs;

import io.emrpipeline.contract.Contract;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.Schedule;
import software.amazon.awscdk.services.events.targets.LambdaFunction;
import software.amazon.awscdk.services.events.targets.LambdaFunctionProps;
import software.amazon.awscdk.services.lambda.IFunction;
import software.constructs.Construct;

/**
 * The default-bus rules the pipeline runs on: EMR Serverless job run state changes go to
 * JobStateChange (completing the waiting execution), and this state machine's ABORTED or
 * TIMED_OUT executions go to CancelJobRun (CancelOnAbort: no job outlives its execution). Their
 * patterns are the contract's jobRunStateChange and executionAbortedOrTimedOut files.
 */
public final class PipelineRules extends Construct {

    private final Rule jobRunStateChange;
    private final Rule cancelOnAbort;
    private final Rule reconcileSweep;

    public PipelineRules(Construct scope, String id, PipelineRulesProps props) {
        super(scope, id);
        Contract contract = Contract.get();
        this.jobRunStateChange = Rule.Builder.create(this, "JobRunStateChange")
                .description("EMR Serverless job run reached a terminal state: complete the waiting execution")
                .eventPattern(EventPatternFile.load(contract.eventPattern("jobRunStateChange"), Map.of(),
                        props.applicationIds().isEmpty() ? Map.of() : Map.of("applicationId", props.applicationIds())))
                .targets(List.of(target(props.jobStateChange())))
                .build();
        this.cancelOnAbort = Rule.Builder.create(this, "CancelOnAbort")
                .description("An execution of this pipeline was stopped or timed out: cancel its job run")
                .eventPattern(EventPatternFile.load(contract.eventPattern("executionAbortedOrTimedOut"),
                        Map.of(contract.stateMachineArnPlaceholder(), props.stateMachineArn())))
                .targets(List.of(target(props.cancelJobRun())))
                .build();
        this.reconcileSweep = Rule.Builder.create(this, "ReconcileSweep")
                .description("Every " + props.reconcileMinutes() + " minutes: finish the job run ends whose events were lost")
                .schedule(Schedule.rate(Duration.minutes(props.reconcileMinutes())))
                // A missed sweep is replaced by the next one: no retries that would pile sweeps up.
                .targets(List.of(new LambdaFunction(props.reconcileSweep(), LambdaFunctionProps.builder()
                        .retryAttempts(0).maxEventAge(Duration.minutes(props.reconcileMinutes())).build())))
                .build();
    }

    public Rule reconcileSweep() {
        return reconcileSweep;
    }

    public Rule jobRunStateChange() {
        return jobRunStateChange;
    }

    public Rule cancelOnAbort() {
        return cancelOnAbort;
    }

    /**
     * EventBridge retries delivery for up to a day; a late state change is still useful (it
     * ends a wait before the sweep would), and a late cancel still stops a job.
     */
    private static LambdaFunction target(IFunction function) {
        return new LambdaFunction(function, LambdaFunctionProps.builder()
                .retryAttempts(185)
                .maxEventAge(Duration.hours(24))
                .build());
    }
}
