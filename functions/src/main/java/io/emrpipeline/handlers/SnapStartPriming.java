package io.emrpipeline.handlers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.emrpipeline.aws.AwsClients;
import io.emrpipeline.core.JobRequest;
import io.emrpipeline.core.JobRequestValidator;
import io.emrpipeline.core.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.logging.log4j.CloseableThreadContext;
import org.apache.logging.log4j.LogManager;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * SnapStart's priming hook. On a version with SnapStart, Lambda runs {@code beforeCheckpoint}
 * once init is done and then snapshots the JVM; each cold start of that version restores the
 * snapshot instead of running init. What this runs once — JSON in and out, the schema validator
 * over a sample request (SubmitJobRun only), every SDK call the function's clients make,
 * marshalled, signed and answered by the rehearsal HTTP client without reaching AWS, and one log
 * line — is then loaded and initialized (the hottest of it compiled) in the snapshot, so the
 * first invocation after a restore skips that work. Nothing calls it without SnapStart.
 */
final class SnapStartPriming implements Resource {

    /** A request of the common shape: script mode, an application by id, Spark settings, tags. */
    private static final String SAMPLE_REQUEST = """
            {"name": "priming", "application": {"id": "00fpriming000000"},
             "executionRoleArn": "arn:aws:iam::111122223333:role/priming",
             "job": {"mode": "script", "entryPoint": "s3://priming-bucket/jobs/job.py",
                     "arguments": ["s3://priming-bucket/in/"], "sparkConf": {"spark.executor.memory": "4g"}},
             "configurationOverrides": {"monitoringConfiguration":
                     {"s3MonitoringConfiguration": {"logUri": "s3://priming-bucket/logs/"}}},
             "timeoutMinutes": 60, "tags": {"team": "priming"}}
            """;

    private final Pipeline pipeline;
    private final AwsClients clients;

    private SnapStartPriming(Pipeline pipeline, AwsClients clients) {
        this.pipeline = pipeline;
        this.clients = clients;
    }

    /**
     * Registers the hook with the runtime; the caller keeps the returned object, because the
     * runtime holds its resources weakly.
     */
    static SnapStartPriming register(Pipeline pipeline, AwsClients clients) {
        SnapStartPriming priming = new SnapStartPriming(pipeline, clients);
        Core.getGlobalContext().register(priming);
        return priming;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        long start = System.nanoTime();
        primeJson();
        clients.rehearse();
        try (var fields = CloseableThreadContext.put("durationMs", ColdStart.millis(System.nanoTime() - start))) {
            LogManager.getLogger(SnapStartPriming.class).info("primed");
        }
    }

    /** Nothing to redo: rehearsals open no connection, and the credentials provider refreshes on its own. */
    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // Intentionally empty.
    }

    private void primeJson() {
        JsonNode request = Json.parse(SAMPLE_REQUEST.getBytes(StandardCharsets.UTF_8));
        try {
            Json.MAPPER.writeValue(OutputStream.nullOutputStream(), request);
            JobRequestValidator validator = pipeline.builtValidator();
            if (validator != null) {
                validator.problems(request);
                Json.MAPPER.treeToValue(request, JobRequest.class);
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the priming sample request no longer maps to JobRequest", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
