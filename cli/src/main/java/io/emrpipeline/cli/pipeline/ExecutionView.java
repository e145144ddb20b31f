package io.emrpipeline.cli.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One execution as DescribeExecution tells it.
 *
 * @param output the execution's output (the result) when it succeeded, else null
 */
public record ExecutionView(String executionArn, String name, String status, Instant startDate, Instant stopDate,
        String error, String cause, JsonNode output) {

    public boolean running() {
        return "RUNNING".equals(status);
    }

    public boolean succeeded() {
        return "SUCCEEDED".equals(status);
    }

    /** Start to stop, or to {@code now} while it runs. */
    public Duration duration(Instant now) {
        Instant end = stopDate != null ? stopDate : now;
        return startDate == null ? Duration.ZERO : Duration.between(startDate, end);
    }

    public Optional<String> errorName() {
        return Optional.ofNullable(error).filter(e -> !e.isBlank());
    }
}
