package io.emrpipeline.cli.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import io.emrpipeline.cli.CliError;
import io.emrpipeline.cli.targets.Target;
import io.emrpipeline.core.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.emrserverless.model.JobRun;
import software.amazon.awssdk.services.emrserverless.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.ListExecutionsResponse;

/**
 * The pipeline's executions, as a command reads and drives them: start, describe, find the job run
 * an execution started (from its history: SubmitJobRun's output names it the moment it exists),
 * list, stop. Every call names its target when it fails.
 */
public final class Executions {

    /** The state whose output holds the job run's ids and links (statemachines/pipeline.asl.json). */
    static final String SUBMIT_STATE = "SubmitJobRun";
    /** The pipeline writes about 20 history events per job: one newest-first page holds the submit. */
    private static final int HISTORY_PAGE = 100;

    private final Target target;
    private final AwsClients aws;

    public Executions(Target target, AwsClients aws) {
        this.target = target;
        this.aws = aws;
    }

    public Target target() {
        return target;
    }

    public AwsClients aws() {
        return aws;
    }

    /** An execution name or ARN, as a user types it, to the execution's ARN. */
    public String arnOf(String nameOrArn) {
        return nameOrArn.startsWith("arn:") ? nameOrArn : target.executionArn(nameOrArn);
    }

    public String start(String name, String input) {
        try {
            return AwsErrors.call(target, "StartExecution", () -> aws.sfn().startExecution(r -> r
                    .stateMachineArn(target.stateMachineArn()).name(name).input(input)).executionArn());
        } catch (CliError e) {
            if (e.getCause() instanceof ExecutionAlreadyExistsException) {
                throw CliError.badRequest("an execution named " + name + " already exists",
                        "choose another name with --name (execution names are unique per state machine)");
            }
            throw e;
        }
    }

    public ExecutionView describe(String executionArn) {
        DescribeExecutionResponse r;
        try {
            r = AwsErrors.call(target, "DescribeExecution", () -> aws.sfn().describeExecution(d -> d.executionArn(executionArn)));
        } catch (CliError e) {
            if (e.getCause() instanceof ExecutionDoesNotExistException) {
                throw CliError.badRequest("no execution " + nameOf(executionArn) + " in " + target.description(),
                        "check the name with `emr-pipeline list`, or pass the execution ARN");
            }
            throw e;
        }
        JsonNode output = r.output() == null ? null : parse(r.output());
        return new ExecutionView(r.executionArn(), r.name(), r.statusAsString(), r.startDate(), r.stopDate(),
                r.error(), r.cause(), output);
    }

    /** The job run the execution started, once SubmitJobRun has answered. */
    public Optional<JobRunRef> jobRunOf(String executionArn) {
        List<HistoryEvent> events = AwsErrors.call(target, "GetExecutionHistory", () -> aws.sfn()
                .getExecutionHistory(r -> r.executionArn(executionArn).reverseOrder(true).maxResults(HISTORY_PAGE)
                        .includeExecutionData(true)).events());
        // Sorted again: not every implementation honours reverseOrder (moto does not).
        return events.stream().sorted(Comparator.comparing(HistoryEvent::id).reversed())
                .filter(event -> event.stateExitedEventDetails() != null
                        && SUBMIT_STATE.equals(event.stateExitedEventDetails().name()))
                .map(event -> parse(event.stateExitedEventDetails().output()))
                .filter(output -> output.hasNonNull("applicationId") && output.hasNonNull("jobRunId"))
                .map(output -> new JobRunRef(output.get("applicationId").asText(), output.get("jobRunId").asText(),
                        output.path("links")))
                .findFirst();
    }

    public JobRun jobRun(JobRunRef ref) {
        try {
            return AwsErrors.call(target, "GetJobRun", () -> aws.emr().getJobRun(r -> r.applicationId(ref.applicationId())
                    .jobRunId(ref.jobRunId())).jobRun());
        } catch (CliError e) {
            if (e.getCause() instanceof ResourceNotFoundException) {
                throw CliError.badRequest("EMR Serverless has no job run " + ref.jobRunId() + " in application "
                        + ref.applicationId(), "job runs are kept for 90 days; older ones are gone");
            }
            throw e;
        }
    }

    /**
     * Executions newest first, at most {@code max}, started at or after {@code since} when given.
     *
     * @param status RUNNING, SUCCEEDED, FAILED, TIMED_OUT or ABORTED; null for all
     */
    public List<ExecutionListItem> list(String status, Instant since, int max) {
        List<ExecutionListItem> items = new ArrayList<>();
        String token = null;
        do {
            String page = token;
            ListExecutionsResponse response = AwsErrors.call(target, "ListExecutions", () -> aws.sfn().listExecutions(r -> r
                    .stateMachineArn(target.stateMachineArn()).statusFilter(status).maxResults(Math.min(max, 100))
                    .nextToken(page)));
            for (ExecutionListItem item : response.executions()) {
                if (since == null || !item.startDate().isBefore(since)) {
                    items.add(item);
                }
            }
            token = response.nextToken();
            // Newest first: once a page reaches past `since`, older pages hold nothing wanted.
            boolean pastSince = since != null && response.executions().stream().anyMatch(i -> i.startDate().isBefore(since));
            if (pastSince) {
                token = null;
            }
        } while (token != null && items.size() < max);
        items.sort(Comparator.comparing(ExecutionListItem::startDate).reversed());
        return items.size() > max ? items.subList(0, max) : items;
    }

    public void stop(String executionArn, String error, String cause) {
        AwsErrors.call(target, "StopExecution", () -> aws.sfn().stopExecution(r -> r.executionArn(executionArn)
                .error(error).cause(cause)));
    }

    private static JsonNode parse(String json) {
        return Json.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    public static String nameOf(String executionArn) {
        return executionArn.substring(executionArn.lastIndexOf(':') + 1);
    }
}
