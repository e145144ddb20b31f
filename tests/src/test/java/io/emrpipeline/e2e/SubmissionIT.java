package io.emrpipeline.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.emrpipeline.core.Json;
import io.emrpipeline.local.LocalPipeline;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.emrserverless.model.ApplicationSummary;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/** What SubmitJobRun does on the way to StartJobRun: create applications, stage the bootstrap. */
@ExtendWith(LocalPipelineExtension.class)
class SubmissionIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Test
    void aMissingApplicationIsCreatedWhenTheRequestAsksAndTheDeploymentAllows(LocalPipeline pipeline) throws Exception {
        ObjectNode request = JobRequests.byName("nightly");
        ((ObjectNode) request.get("application")).putObject("create")
                .put("releaseLabel", "emr-7.5.0").put("architecture", "ARM64");

        String executionArn = pipeline.startExecution("creates-app", request.toString());
        DescribeExecutionResponse execution = pipeline.awaitExecution(executionArn, TIMEOUT);

        assertEquals(ExecutionStatus.SUCCEEDED, execution.status(), () -> Scenarios.describe(execution));
        List<ApplicationSummary> applications = pipeline.emr().listApplications(r -> r.maxResults(50)).applications();
        assertEquals(1, applications.size());
        assertEquals("nightly", applications.get(0).name());
        assertEquals("emr-7.5.0", applications.get(0).releaseLabel());
        assertEquals(applications.get(0).id(),
                Json.MAPPER.readTree(execution.output()).path("jobRun").path("applicationId").asText());
        List<String> submits = pipeline.gateway().lambdas().log().of(LocalPipeline.SUBMIT).stream()
                .map(invocation -> invocation.succeeded() ? "ok" : invocation.errorType()).toList();
        assertEquals("io.emrpipeline.errors.ApplicationNotReady", submits.get(0),
                "EMR creates asynchronously: the first submit finds it CREATING and the state machine waits: " + submits);
        assertEquals("ok", submits.get(submits.size() - 1));
    }

    @Test
    void askedToStartTheApplicationFirstTheSubmitWaitsUntilItIsStarted(LocalPipeline pipeline) throws Exception {
        String applicationId = pipeline.createApplication("warm");
        ObjectNode request = JobRequests.scriptJob(applicationId);
        ((ObjectNode) request.get("application")).put("start", true);

        String executionArn = pipeline.startExecution("starts-app", request.toString());
        DescribeExecutionResponse execution = pipeline.awaitExecution(executionArn, TIMEOUT);

        assertEquals(ExecutionStatus.SUCCEEDED, execution.status(), () -> Scenarios.describe(execution));
        assertEquals(1, pipeline.gateway().forwardedRequests().stream()
                .filter(("POST /applications/" + applicationId + "/start")::equals).count(), "started once");
        assertTrue(pipeline.gateway().lambdas().log().count(LocalPipeline.SUBMIT) >= 2, "waited for STARTED");
        assertEquals("STARTED", pipeline.emr().getApplication(r -> r.applicationId(applicationId)).application().stateAsString());
    }

    @Test
    void theBootstrapIsUploadedOncePerContent(LocalPipeline pipeline) throws Exception {
        String applicationId = pipeline.createApplication("analytics");

        for (String name : List.of("package-1", "package-2")) {
            String executionArn = pipeline.startExecution(name, packageJob(applicationId).toString());
            DescribeExecutionResponse execution = pipeline.awaitExecution(executionArn, TIMEOUT);
            assertEquals(ExecutionStatus.SUCCEEDED, execution.status(), () -> Scenarios.describe(execution));
        }

        long puts = pipeline.gateway().forwardedRequests().stream()
                .filter(request -> request.startsWith("PUT /" + LocalPipeline.BUCKET + "/entrypoints/"))
                .count();
        assertEquals(1, puts, () -> "bootstrap PUTs: " + pipeline.gateway().forwardedRequests());
        JsonNode driver = pipeline.gateway().jobRuns().jobRuns().get(1).request().path("jobDriver").path("sparkSubmit");
        assertTrue(driver.path("entryPoint").asText().matches(
                "s3://emr-pipeline-local/entrypoints/[0-9a-f]{64}/emr_pipeline_bootstrap.py"), driver::toString);
        assertEquals("package", driver.path("entryPointArguments").get(0).asText());
    }

    private static ObjectNode packageJob(String applicationId) {
        ObjectNode request = Json.object().put("name", "wordstats");
        request.putObject("application").put("id", applicationId);
        ObjectNode job = request.putObject("job").put("mode", "package")
                .put("package", "s3://emr-pipeline-local/dist/wordstats-0.1.0-py3-none-any.whl")
                .put("module", "wordstats.main");
        job.putArray("arguments").add("s3://emr-pipeline-local/in/");
        return request;
    }
}
