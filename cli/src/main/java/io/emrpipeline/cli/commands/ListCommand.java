package io.emrpipeline.cli.commands;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.emrpipeline.cli.CliError;
import io.emrpipeline.cli.ExitCode;
import io.emrpipeline.cli.output.Formats;
import io.emrpipeline.cli.output.Table;
import io.emrpipeline.cli.output.Terminal;
import io.emrpipeline.cli.pipeline.ExecutionReport;
import io.emrpipeline.cli.pipeline.ExecutionView;
import io.emrpipeline.cli.pipeline.Executions;
import io.emrpipeline.core.Json;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;

/** {@code list [--status S] [--since D]}: recent executions, newest first. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "Recent executions, newest first: status, start, duration, estimated cost, application and job run.")
public final class ListCommand extends TargetCommand {

    private static final Set<String> STATUSES = Set.of("RUNNING", "SUCCEEDED", "FAILED", "TIMED_OUT", "ABORTED");
    private static final Pattern AGO = Pattern.compile("([0-9]+)([mhd])");

    @Option(names = "--status", paramLabel = "STATUS", description = "Only RUNNING, SUCCEEDED, FAILED, TIMED_OUT or ABORTED.")
    String status;

    @Option(names = "--since", paramLabel = "WHEN",
            description = "Only executions started since then: 30m, 6h, 2d ago, or an ISO instant (2025-01-31T08:00:00Z).")
    String since;

    @Option(names = "--max", paramLabel = "N", defaultValue = "20",
            description = "At most N executions (default 20); each costs a DescribeExecution and a GetJobRun.")
    int max;

    @Override
    int run(Executions executions, Terminal terminal) {
        String wanted = status == null ? null : status.toUpperCase(Locale.ROOT);
        if (wanted != null && !STATUSES.contains(wanted)) {
            throw CliError.badRequest("--status " + status + " is not an execution status",
                    "use one of RUNNING, SUCCEEDED, FAILED, TIMED_OUT, ABORTED");
        }
        if (max < 1 || max > 1000) {
            throw CliError.badRequest("--max " + max + " is out of range", "use a number from 1 to 1000");
        }
        List<ExecutionReport> reports = new ArrayList<>();
        for (ExecutionListItem item : executions.list(wanted, sinceInstant(since, Instant.now()), max)) {
            reports.add(ExecutionReport.read(executions, executions.describe(item.executionArn())));
        }
        if (output.json()) {
            ArrayNode array = Json.MAPPER.createArrayNode();
            reports.forEach(report -> array.add(report.toJson()));
            terminal.out().println(array.toPrettyString());
        } else if (reports.isEmpty()) {
            terminal.out().println("no executions" + (wanted != null ? " with status " + wanted : "")
                    + (since != null ? " since " + since : "") + " on " + executions.target().description());
        } else {
            terminal.out().print(table(reports, terminal).render());
        }
        return ExitCode.OK;
    }

    static Table table(List<ExecutionReport> reports, Terminal terminal) {
        Table table = new Table("NAME", "STATUS", "STARTED", "DURATION", "COST", "APPLICATION", "JOB RUN");
        Instant now = Instant.now();
        for (ExecutionReport report : reports) {
            ExecutionView execution = report.execution();
            table.row(execution.name(), terminal.status(execution.status()),
                    execution.startDate() == null ? null : Formats.dateTime(execution.startDate(), ZoneId.systemDefault()),
                    Formats.duration(execution.duration(now)), Formats.usd(report.estimatedUsd()),
                    report.ref().map(ref -> ref.applicationId()).orElse(null),
                    report.ref().map(ref -> ref.jobRunId() + report.jobRunState().map(s -> " " + s).orElse("")).orElse(null));
        }
        return table;
    }

    /** 30m, 6h, 2d (before {@code now}) or an ISO-8601 instant; null for no limit. */
    static Instant sinceInstant(String since, Instant now) {
        if (since == null) {
            return null;
        }
        Matcher ago = AGO.matcher(since.trim());
        if (ago.matches()) {
            long amount = Long.parseLong(ago.group(1));
            Duration duration = switch (ago.group(2)) {
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
            return now.minus(duration);
        }
        try {
            return Instant.parse(since.trim());
        } catch (DateTimeParseException e) {
            throw CliError.badRequest("--since " + since + " is neither a duration nor an instant",
                    "use 30m, 6h, 2d, or an ISO instant such as 2025-01-31T08:00:00Z");
        }
    }
}
