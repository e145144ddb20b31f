package io.emrpipeline.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.emrpipeline.errors.ExecutionStopped;
import io.emrpipeline.errors.TransientAwsError;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.logging.log4j.CloseableThreadContext;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import software.amazon.awssdk.services.emrserverless.model.JobRunMode;
import software.amazon.awssdk.services.emrserverless.model.RetryPolicy;
import software.amazon.awssdk.services.emrserverless.model.StartJobRunRequest;
import software.amazon.awssdk.services.emrserverless.model.StartJobRunResponse;

/**
 * SubmitJobRun's work: validate, resolve the application, stage the bootstrap when the mode
 * needs it, record the run, and StartJobRun with a clientToken derived from the execution, so a
 * retried submit returns the job it already started instead of starting a second one.
 */
public final class JobRunSubmitter {

    private static final Logger LOG = LogManager.getLogger(JobRunSubmitter.class);
    /** EMR Serverless ends a job run after this long when StartJobRun sets no executionTimeoutMinutes. */
    static final long EMR_DEFAULT_TIMEOUT_MINUTES = 720;
    static final long AWAIT_MARGIN_SECONDS = 600;
    /**
     * A streaming job without a timeout runs until its execution is stopped: the await state
     * re-arms once a day (one GetJobRun), its end still comes from the event or the sweep.
     */
    static final long STREAMING_AWAIT_SECONDS = 86_400;
    /** The tag the pipeline adds to every job run; the schema keeps the emr-pipeline: prefix for it. */
    static final String EXECUTION_TAG = "emr-pipeline:execution";

    private final JobRequestValidator validator;
    private final RoleRules roles;
    private final ApplicationResolver applications;
    private final EntrypointStager bootstrap;
    private final EmrServerlessApi emr;
    private final RunRecords runs;
    private final JobRunStopper stopper;
    private final Links links;
    private final JobRunEvents events;
    private final String defaultLogUri;

    public JobRunSubmitter(JobRequestValidator validator, RoleRules roles, ApplicationResolver applications,
            EntrypointStager bootstrap, EmrServerlessApi emr, RunRecords runs, JobRunStopper stopper, Links links,
            JobRunEvents events, String defaultLogUri) {
        this.validator = validator;
        this.roles = roles;
        this.applications = applications;
        this.bootstrap = bootstrap;
        this.emr = emr;
        this.runs = runs;
        this.stopper = stopper;
        this.links = links;
        this.events = events;
        this.defaultLogUri = defaultLogUri;
    }

    /** @return {@code {applicationId, jobRunId, arn, jobRunName, awaitTimeoutSeconds, links}} */
    public ObjectNode submit(JsonNode input, ExecutionRef execution) {
        JobRequest request = validator.validate(input, roles);
        String applicationId = applications.resolve(request.application());
        String jobRunName = jobRunName(request.name(), execution.name());
        RunRecords.RunRecord before = recordBeforeStart(new RunRecords.RunRecord(execution.arn(), execution.name(),
                applicationId, jobRunName, null, false, null));

        StartJobRunRequest start = startRequest(request, applicationId, jobRunName, execution);
        StartJobRunResponse started = emr.startJobRun(start);
        JobRunKey run = new JobRunKey(applicationId, started.jobRunId());
        if (runs.replace(before, before.withJobRun(started.jobRunId())).isEmpty()) {
            // The record changed since it was read: a stop marked it. The job must not outlive the execution.
            stopper.stopStarted(run, execution.arn());
            throw new ExecutionStopped(execution.name(), "the job run it had just started, " + run + ", was cancelled");
        }
        try (var fields = CloseableThreadContext.put("applicationId", applicationId).put("jobRunId", started.jobRunId())) {
            LOG.info("started job run");
        }

        String logUri = start.configurationOverrides().monitoringConfiguration().s3MonitoringConfiguration().logUri();
        ObjectNode runLinks = links.forJobRun(run, logUri, null, execution.arn());
        events.submitted(execution.arn(), run, jobRunName, runLinks);
        ObjectNode result = Json.object()
                .put("applicationId", applicationId)
                .put("jobRunId", started.jobRunId())
                .put("arn", started.arn())
                .put("jobRunName", jobRunName)
                .put("awaitTimeoutSeconds", awaitTimeoutSeconds(request));
        result.set("links", runLinks);
        return result;
    }

    /**
     * How long the await state waits for the job's end before it asks EMR itself: the job's own
     * timeout (EMR's default of 12 hours when the request sets none) plus a margin for EMR to stop
     * it and the end to be told. No polling in between: a running job costs nothing.
     */
    static long awaitTimeoutSeconds(JobRequest request) {
        if (request.streaming() && request.timeoutMinutes() == null) {
            return STREAMING_AWAIT_SECONDS;
        }
        long jobMinutes = request.timeoutMinutes() == null ? EMR_DEFAULT_TIMEOUT_MINUTES : request.timeoutMinutes();
        return jobMinutes * 60 + AWAIT_MARGIN_SECONDS;
    }

    /**
     * Writes the record StartJobRun's answer will replace. A retried submit finds its own earlier
     * record (StartJobRun's clientToken then returns the same job); a stopped one finds the stop.
     */
    private RunRecords.RunRecord recordBeforeStart(RunRecords.RunRecord fresh) {
        for (int attempt = 0; attempt < 3; attempt++) {
            Optional<RunRecords.RunRecord> existing = runs.find(fresh.executionName());
            if (existing.isPresent() && existing.get().stopRequested()) {
                throw new ExecutionStopped(fresh.executionName(), "nothing was started");
            }
            Optional<RunRecords.RunRecord> written = runs.writeOver(existing,
                    existing.map(earlier -> fresh.withJobRun(earlier.jobRunId())).orElse(fresh));
            if (written.isPresent()) {
                return written.get();
            }
        }
        throw new TransientAwsError("writing the run record", new IllegalStateException("it kept changing"));
    }

    /**
     * The job run's name ends with the execution name, so a canceller can find a run that
     * started but whose id was never recorded (a crash right after StartJobRun).
     */
    public static String jobRunName(String requestName, String executionName) {
        return requestName + ":" + executionName;
    }

    /** The request's timeout; a streaming job without one gets none (0) rather than EMR's batch default. */
    private static Long executionTimeoutMinutes(JobRequest request) {
        if (request.timeoutMinutes() != null) {
            return request.timeoutMinutes().longValue();
        }
        return request.streaming() ? 0L : null;
    }

    private StartJobRunRequest startRequest(JobRequest request, String applicationId, String jobRunName,
            ExecutionRef execution) {
        Map<String, String> tags = new LinkedHashMap<>(request.tags());
        tags.put(EXECUTION_TAG, execution.name());
        return StartJobRunRequest.builder()
                .applicationId(applicationId)
                .clientToken(Hashes.clientToken(execution.arn()))
                .name(jobRunName)
                .executionRoleArn(roles.roleFor(request))
                .executionIamPolicy(ExecutionIamPolicies.toSdk(request.executionIamPolicy()))
                .mode(JobRunMode.fromValue(request.mode()))
                .jobDriver(JobDriverFactory.driverFor(request.job(), bootstrap::stage))
                .configurationOverrides(ConfigurationOverridesFactory.from(request.configurationOverrides(), defaultLogUri))
                .executionTimeoutMinutes(executionTimeoutMinutes(request))
                .retryPolicy(request.retryPolicy() == null ? null : RetryPolicy.builder().maxAttempts(request.retryPolicy().maxAttempts())
                        .maxFailedAttemptsPerHour(request.retryPolicy().maxFailedAttemptsPerHour()).build())
                .tags(tags)
                .build();
    }
}
