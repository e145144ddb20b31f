package io.emrpipeline.contract;

/**
 * An error name a failed execution ends with.
 *
 * @param name what {@code DescribeExecution} reports as {@code error}
 * @param retryable whether starting the same request again may succeed
 * @param meaning one sentence for people
 */
public record ExecutionError(String name, boolean retryable, String meaning) {}
