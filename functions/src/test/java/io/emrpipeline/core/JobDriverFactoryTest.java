package io.emrpipeline.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.emrpipeline.errors.InvalidJobRequest;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.emrserverless.model.SparkSubmit;

class JobDriverFactoryTest {

    private static final String ROLE = "arn:aws:iam::123456789012:role/emr-job-role";
    private static final String BOOTSTRAP = "s3://job-bucket/entrypoints/abc/emr_pipeline_bootstrap.py";

    private final JobRequestValidator validator = new JobRequestValidator();

    @Test
    void scriptModeRunsTheUsersFileWithSortedConf() throws IOException {
        SparkSubmit submit = driver("script-valid.json");

        assertEquals("s3://my-bucket/jobs/wordcount.py", submit.entryPoint());
        assertEquals(List.of("s3://my-bucket/in/", "s3://my-bucket/out/"), submit.entryPointArguments());
        assertEquals("--conf spark.driver.cores=2 --conf spark.executor.memory=4g", submit.sparkSubmitParameters());
    }

    @Test
    void packageModeRunsTheBootstrapWithThePackageOnPyFilesAndTheVenvArchive() throws IOException {
        SparkSubmit submit = driver("package-valid-flyte-numbers.json");

        String wheel = "s3://my-bucket/dist/wordstats-0.1.0-py3-none-any.whl";
        assertEquals(BOOTSTRAP, submit.entryPoint());
        assertEquals(List.of("package", "--package", wheel, "--module", "wordstats.main", "--", "--date", "2026-11-21"),
                submit.entryPointArguments());
        String parameters = submit.sparkSubmitParameters();
        assertTrue(parameters.contains("--conf spark.submit.pyFiles=" + wheel), parameters);
        assertTrue(parameters.contains("--conf spark.archives=s3://my-bucket/envs/pyspark_venv.tar.gz#environment"), parameters);
        assertTrue(parameters.contains("--conf spark.emr-serverless.driverEnv.PYSPARK_PYTHON=./environment/bin/python"), parameters);
        assertTrue(parameters.contains("--conf spark.executorEnv.PYSPARK_PYTHON=./environment/bin/python"), parameters);
    }

    @Test
    void packageModeWithoutAPackageUsesTheModuleInstalledInTheImage() {
        JobRequest.Job job = new JobRequest.Job("package", null, List.of("--full"), null, "wordstats.main", null, null,
                null, null, null, null, null);

        SparkSubmit submit = JobDriverFactory.driverFor(job, () -> BOOTSTRAP).sparkSubmit();

        assertEquals(List.of("package", "--module", "wordstats.main", "--", "--full"), submit.entryPointArguments());
        assertEquals(null, submit.sparkSubmitParameters(), "no pyFiles to distribute");
    }

    @Test
    void flyteModeHandsTheCommandToTheBootstrap() {
        JobRequest.Job job = new JobRequest.Job("flyte", null, null, null, null, "s3://b/fast/bundle.tar.gz",
                List.of("pyflyte-fast-execute", "--additional-distribution", "x"), null, null, "--conf spark.x=1", null, null);

        SparkSubmit submit = JobDriverFactory.driverFor(job, () -> BOOTSTRAP).sparkSubmit();

        assertEquals(List.of("flyte", "--bundle", "s3://b/fast/bundle.tar.gz", "--", "pyflyte-fast-execute",
                "--additional-distribution", "x"), submit.entryPointArguments());
        assertEquals("--conf spark.x=1", submit.sparkSubmitParameters());
    }

    @Test
    void theVenvArchiveIsAppendedToTheUsersArchives() throws IOException {
        ObjectNode request = packageRequest();
        sparkConf(request).put("spark.archives", "s3://my-bucket/models/model.tar.gz#model");

        String parameters = driver(request).sparkSubmitParameters();

        assertTrue(parameters.contains("--conf spark.archives=s3://my-bucket/models/model.tar.gz#model,"
                + "s3://my-bucket/envs/pyspark_venv.tar.gz#environment"), parameters);
    }

    @Test
    void thePackageIsAppendedToTheUsersPyFiles() throws IOException {
        ObjectNode request = packageRequest();
        sparkConf(request).put("spark.submit.pyFiles", "s3://my-bucket/lib/helpers.zip");

        String parameters = driver(request).sparkSubmitParameters();

        assertTrue(parameters.contains("--conf spark.submit.pyFiles=s3://my-bucket/lib/helpers.zip,"
                + "s3://my-bucket/dist/wordstats-0.1.0-py3-none-any.whl"), parameters);
    }

    @Test
    void aPythonOfTheUsersBesideAVenvArchiveIsAConflictNamingBoth() throws IOException {
        ObjectNode request = packageRequest();
        sparkConf(request).put("spark.executorEnv.PYSPARK_PYTHON", "/usr/bin/python3.11");

        InvalidJobRequest error = assertThrows(InvalidJobRequest.class, () -> validate(request));

        assertEquals(List.of("$.job.sparkConf['spark.executorEnv.PYSPARK_PYTHON'] conflicts with"
                + " $.job.pythonEnvironment.venvArchive: the venv archive sets the Python to ./environment/bin/python;"
                + " remove one of them"), error.problems());
    }

    @Test
    void theSamePythonAsTheVenvArchivesIsNoConflict() throws IOException {
        ObjectNode request = packageRequest();
        sparkConf(request).put("spark.executorEnv.PYSPARK_PYTHON", "./environment/bin/python");

        assertTrue(driver(request).sparkSubmitParameters().contains("spark.executorEnv.PYSPARK_PYTHON=./environment/bin/python"));
    }

    @Test
    void rawParametersThatWouldReplaceTheMergedSettingsAreRefused() throws IOException {
        ObjectNode request = packageRequest();
        ((ObjectNode) request.get("job")).put("sparkSubmitParameters",
                "--archives s3://my-bucket/other.tar.gz#x --py-files s3://my-bucket/x.zip --conf spark.executorEnv.PYSPARK_PYTHON=python3");

        InvalidJobRequest error = assertThrows(InvalidJobRequest.class, () -> validate(request));

        assertEquals(3, error.problems().size(), error.getMessage());
        assertTrue(error.problems().stream().allMatch(problem -> problem.startsWith("$.job.sparkSubmitParameters")), error.getMessage());
    }

    @Test
    void aProjectConfIsShippedAsAnArchiveAndItsDirectoryHandedToMain() throws IOException {
        ObjectNode request = packageRequest();
        String archive = "s3://my-bucket/dist/conf-order_totals.tar.gz";
        job(request).putObject("projectConf").put("archive", archive);
        sparkConf(request).put("spark.archives", "s3://my-bucket/models/model.tar.gz#model");

        SparkSubmit submit = driver(request);

        assertEquals(List.of("package", "--package", "s3://my-bucket/dist/wordstats-0.1.0-py3-none-any.whl",
                "--module", "wordstats.main", "--conf-archive", archive + "#project-conf", "--conf-option=--conf-source",
                "--", "--date", "2026-11-21"), submit.entryPointArguments());
        assertTrue(submit.sparkSubmitParameters().contains("--conf spark.archives=s3://my-bucket/models/model.tar.gz#model,"
                + archive + "#project-conf,s3://my-bucket/envs/pyspark_venv.tar.gz#environment"), submit.sparkSubmitParameters());
    }

    @Test
    void aProjectConfWithItsOwnOptionAndNoPackage() {
        JobRequest.Job job = new JobRequest.Job("package", null, List.of(), null, "app.main", null, null, null, null, null,
                null, new JobRequest.ProjectConf("s3://b/conf.zip", "--config-dir"));

        SparkSubmit submit = JobDriverFactory.driverFor(job, () -> BOOTSTRAP).sparkSubmit();

        assertEquals(List.of("package", "--module", "app.main", "--conf-archive", "s3://b/conf.zip#project-conf",
                "--conf-option=--config-dir", "--"), submit.entryPointArguments());
        assertEquals("--conf spark.archives=s3://b/conf.zip#project-conf", submit.sparkSubmitParameters());
    }

    @Test
    void whatWouldKeepTheProjectConfFromMainIsRefusedNamingTheFields() throws IOException {
        ObjectNode request = packageRequest();
        job(request).putObject("projectConf").put("archive", "s3://my-bucket/dist/conf-p.tar.gz");
        job(request).putArray("arguments").add("--env").add("emr").add("--conf-source=/home/hadoop/conf");
        sparkConf(request).put("spark.archives", "s3://my-bucket/other.tar.gz#project-conf");
        job(request).remove("pythonEnvironment");
        job(request).put("sparkSubmitParameters", "--archives s3://my-bucket/x.tar.gz#x");

        InvalidJobRequest error = assertThrows(InvalidJobRequest.class, () -> validate(request));

        assertEquals(List.of(
                "$.job.arguments passes --conf-source, which $.job.projectConf passes too (the unpacked archive);"
                        + " remove one of them",
                "$.job.sparkConf['spark.archives'] has an archive named #project-conf, the directory of"
                        + " $.job.projectConf.archive; give it another alias",
                "$.job.sparkSubmitParameters sets the archives, which would replace $.job.projectConf.archive; put them"
                        + " in $.job.sparkConf['spark.archives'] instead, where the pipeline adds its own"),
                error.problems());
    }

    private static ObjectNode job(ObjectNode request) {
        return (ObjectNode) request.get("job");
    }

    private static ObjectNode packageRequest() throws IOException {
        ObjectNode request = (ObjectNode) JobRequestValidatorTest.fixture("package-valid-flyte-numbers.json");
        ((ObjectNode) request.get("job")).putObject("sparkConf");
        return request;
    }

    private static ObjectNode sparkConf(ObjectNode request) {
        return (ObjectNode) request.path("job").get("sparkConf");
    }

    private JobRequest validate(ObjectNode request) {
        return validator.validate(request, new RoleRules(Set.of(ROLE), Optional.of(ROLE)));
    }

    private SparkSubmit driver(ObjectNode request) {
        return JobDriverFactory.driverFor(validate(request).job(), () -> BOOTSTRAP).sparkSubmit();
    }

    private SparkSubmit driver(String fixture) throws IOException {
        JobRequest request = validator.validate(JobRequestValidatorTest.fixture(fixture),
                new RoleRules(Set.of(ROLE), Optional.of(ROLE)));
        return JobDriverFactory.driverFor(request.job(), () -> BOOTSTRAP).sparkSubmit();
    }
}
