package io.emrpipeline.local.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JobPythonTest {

    private static final Path WORK = Path.of("/repo/target/spark-runs/00run");
    private static final Path RUNNER = Path.of("/repo/.venv/bin/python");

    @Test
    void aVenvArchivesPythonRunsDriverAndWorkersFromTheWorkDirectory() {
        List<String> notApplied = new ArrayList<>();
        JobPython python = JobPython.choose(Map.of("PYSPARK_PYTHON", "./environment/bin/python",
                "PYSPARK_DRIVER_PYTHON", "./environment/bin/python"), Set.of("environment"), WORK, RUNNER, notApplied);

        assertEquals(new JobPython(WORK + "/environment/bin/python", WORK + "/environment/bin/python"), python);
        assertEquals(List.of(), notApplied);
    }

    @Test
    void withoutADriverSettingTheDriverRunsTheWorkersPythonAsSparkDoes() {
        JobPython python = JobPython.choose(Map.of("PYSPARK_PYTHON", "env/bin/python3"), Set.of("env"), WORK, RUNNER,
                new ArrayList<>());

        assertEquals(new JobPython(WORK + "/env/bin/python3", WORK + "/env/bin/python3"), python);
    }

    @Test
    void anImagePathOrAPathOutsideTheArchivesIsReportedAndTheRunnersPythonRuns() {
        List<String> notApplied = new ArrayList<>();
        JobPython python = JobPython.choose(Map.of("PYSPARK_PYTHON", "/usr/bin/python3",
                "PYSPARK_DRIVER_PYTHON", "./elsewhere/bin/python"), Set.of("environment"), WORK, RUNNER, notApplied);

        assertEquals(JobPython.runners(RUNNER), python);
        assertEquals(2, notApplied.size(), notApplied::toString);
    }

    @Test
    void noChoiceIsTheRunnersPython() {
        assertEquals(JobPython.runners(RUNNER), JobPython.choose(Map.of(), Set.of(), WORK, RUNNER, new ArrayList<>()));
    }
}
