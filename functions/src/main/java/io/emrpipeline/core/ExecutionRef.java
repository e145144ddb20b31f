package io.emrpipeline.core;

/** The Step Functions execution a Lambda invocation works for ({@code $$.Execution}). */
public record ExecutionRef(String arn, String name) {

    public ExecutionRef {
        if (arn == null || name == null) {
            throw new IllegalArgumentException("the state machine must pass $$.Execution.Id and $$.Execution.Name");
        }
    }
}
