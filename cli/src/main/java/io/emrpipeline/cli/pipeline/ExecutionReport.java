package io.emrpipeline.cli.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.emrpipeline.cli.output.Formats;
import io.emrpipeline.core.JobRunOutcomes;
import io.emrpipeline.core.Json;
import io.emrpipeline.core.Links;
import java.time.Instant;
import java.util.Optional;

/**
 * What a person wants to know about one execution: its status and error, the job run it started
 * (state, attempt, durations, billed resources) with an estimated cost, and the links to its
 * logs. A succeeded execution's output already holds all of it; otherwise the job run is found
 * from the history and read with one GetJobRun, in the same shape the pipeline's result uses.
 *
 * @param jobRun the result's {@code jobRun} object, or null when no job run was started
 * @param links the result's {@code links} object (empty when no job run was started)
 */
public record ExecutionReport(ExecutionView execution, Optional<JobRunRef> ref, JsonNode jobRun, JsonNode links) {

    public static ExecutionReport read(Executions executions, ExecutionView execution) {
        JsonNode output = execution.output();
        if (output != null && output.path("jobRun").hasNonNull("jobRunId")) {
            JsonNode run = output.get("jobRun");
            JobRunRef ref = new JobRunRef(run.path("applicationId").asText(), run.path("jobRunId").asText(), output.path("links"));
            return new ExecutionReport(execution, Optional.of(ref), run, output.path("links"));
        }
        Optional<JobRunRef> ref = executions.jobRunOf(execution.executionArn());
        if (ref.isEmpty()) {
            return new ExecutionReport(execution, ref, null, Json.object());
        }
        Links links = new Links(executions.target().region().id(), executions.target().objectLinkBase());
        ObjectNode outcome = new JobRunOutcomes(links).outcome(executions.jobRun(ref.get()), execution.executionArn());
        return new ExecutionReport(execution, ref, outcome.get("jobRun"), outcome.get("links"));
    }

    public Optional<String> jobRunState() {
        return jobRun == null ? Optional.empty() : Optional.ofNullable(jobRun.path("state").textValue());
    }

    public Double estimatedUsd() {
        return jobRun == null ? null : Formats.estimatedUsd(jobRun.get("billedResourceUtilization"));
    }

    public Optional<String> link(String name) {
        return Optional.ofNullable(links.path(name).textValue());
    }

    /** The {@code --output json} shape of status and of submit --wait's result. */
    public ObjectNode toJson() {
        ObjectNode json = Json.object()
                .put("name", execution.name())
                .put("executionArn", execution.executionArn())
                .put("status", execution.status())
                .put("startDate", time(execution.startDate()))
                .put("stopDate", time(execution.stopDate()))
                .put("durationSeconds", execution.duration(Instant.now()).toMillis() / 1000.0)
                .put("error", execution.error())
                .put("cause", execution.cause());
        json.set("jobRun", jobRun == null ? NullNode.getInstance() : jobRun);
        json.set("links", links);
        Double usd = estimatedUsd();
        if (usd != null) {
            json.putObject("estimatedCost").put("usd", usd).put("basis", Formats.PRICE_BASIS);
        } else {
            json.putNull("estimatedCost");
        }
        if (execution.output() != null) {
            json.set("output", execution.output());
        }
        return json;
    }

    private static String time(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
