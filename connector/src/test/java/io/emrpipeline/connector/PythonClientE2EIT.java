package io.emrpipeline.connector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.emrpipeline.connector.local.LocalConnector;
import io.emrpipeline.connector.local.LocalConnectorExtension;
import io.emrpipeline.contract.RepositoryRoot;
import io.emrpipeline.local.LocalPipeline;
import io.emrpipeline.local.emr.JobPlan;
import io.emrpipeline.local.emr.JobRunState;
import io.emrpipeline.local.emr.JobRunView;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The end-to-end test from Flyte's side: a Python gRPC client, generated from the same flyteidl
 * protos, sends the template the Python plugin produces (connector/python/tests/e2e). This test
 * starts the pipeline and the connector and runs that pytest directory against them.
 * The interpreter is the project venv's (.venv, from requirements.txt), or -Dconnector.python.
 */
@ExtendWith(LocalConnectorExtension.class)
class PythonClientE2EIT {

    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    @Test
    void aPythonFlyteClientRunsOneTaskToSuccessAndAbortsAnother(LocalPipeline pipeline, LocalConnector connector)
            throws Exception {
        String applicationId = pipeline.createApplication("analytics");
        // The pytest module runs its tests in file order: first a job that succeeds, then one
        // that runs until DeleteTask has the pipeline cancel it.
        pipeline.gateway().simulatedJobs().planNext(JobPlan.succeedAfter(Duration.ofSeconds(2)), JobPlan.runUntilCancelled());

        Path repo = RepositoryRoot.find();
        String python = python(repo);
        Path log = Files.createDirectories(repo.resolve("connector/target")).resolve("python-e2e.log");
        ProcessBuilder pytest = new ProcessBuilder(python, "-m", "pytest", "-v", "-p", "no:cacheprovider",
                "tests/e2e")
                .directory(repo.resolve("connector/python").toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pytest.environment().put("EMR_PIPELINE_CONNECTOR", "127.0.0.1:" + connector.port());
        pytest.environment().put("EMR_PIPELINE_APPLICATION_ID", applicationId);
        pytest.environment().put("EMR_PIPELINE_AWS_ENDPOINT", pipeline.gateway().endpoint().toString());
        Process process = pytest.start();
        boolean finished = process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly();
        }
        String output = Files.readString(log);
        System.out.println(output);

        assertTrue(finished, "pytest still running after " + TIMEOUT);
        assertEquals(0, process.exitValue(), () -> "pytest failed:\n" + output);
        assertTrue(output.contains("2 passed"), () -> "both scenarios ran:\n" + output);
        List<JobRunState> states = pipeline.gateway().jobRuns().jobRuns().stream().map(JobRunView::state).sorted().toList();
        assertEquals(List.of(JobRunState.SUCCESS, JobRunState.CANCELLED).stream().sorted().toList(), states);
    }

    private static String python(Path repo) {
        String configured = System.getProperty("connector.python", "");
        String python = configured.isBlank() ? repo.resolve(".venv/bin/python").toString() : configured;
        if (!new File(python).canExecute()) {
            throw new IllegalStateException(python + " is missing: run `make setup` (the project venv has flytekit, "
                    + "grpcio-tools and the plugin's test dependencies)");
        }
        try {
            Process check = new ProcessBuilder(python, "-c", "import flytekit, grpc_tools, jsonschema, boto3")
                    .redirectErrorStream(true).start();
            String problem = new String(check.getInputStream().readAllBytes());
            if (check.waitFor() != 0) {
                throw new IllegalStateException(python + " lacks the end-to-end test's packages (flytekit, grpcio-tools, "
                        + "jsonschema, boto3 from requirements.txt; run `make setup`):\n" + problem);
            }
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException("could not run " + python + ": " + e.getMessage(), e);
        }
        return python;
    }
}
