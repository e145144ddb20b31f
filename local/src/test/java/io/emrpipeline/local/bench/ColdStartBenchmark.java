package io.emrpipeline.local.bench;

import static org.junit.jupiter.api.Assertions.assertNull;

import io.emrpipeline.contract.Contract;
import io.emrpipeline.contract.FunctionSpec;
import io.emrpipeline.contract.RepositoryRoot;
import io.emrpipeline.local.LocalAws;
import io.emrpipeline.local.LocalGateway;
import io.emrpipeline.local.LocalPipeline;
import io.emrpipeline.local.MotoExecutable;
import io.emrpipeline.local.lambda.FunctionRunner.Outcome;
import io.emrpipeline.local.lambda.runtime.EnvironmentPool;
import io.emrpipeline.local.lambda.runtime.FunctionDeployment;
import io.emrpipeline.local.lambda.runtime.RuntimeFiles;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Cold start of each function through AWS's Java runtime behind AWS's runtime interface
 * emulator: init and first-invocation latency, each run in a fresh environment, the project's
 * jar side by side with the naive build ({@link NaiveHandlers}, built by local's {@code bench}
 * profile) and with the project's jar run the way a SnapStart version initializes
 * ({@link SnapStartInit}: the checkpoint hooks run at init). Builds are interleaved run by run, so
 * drift on the machine touches all alike, after one uncounted warm-up round. Every first invocation makes the AWS calls it makes in
 * production, against moto and the local gateway ({@link ColdStartScenarios}). Then one more cold
 * start per function and build under {@code -Xlog:class+load}, for the class counts. Prints the
 * tables and writes them to {@code local/target/bench/cold-start.txt}. Run by {@code make bench}
 * ({@code -Dbench.runs=N}, default 5), never by {@code make test}.
 */
class ColdStartBenchmark {

    private static final int RUNS = Integer.getInteger("bench.runs", 5);
    private static final Duration REPORT_WAIT = Duration.ofSeconds(5);

    /** A build of the functions: which task root, which handler string, which JVM options (JAVA_TOOL_OPTIONS). */
    record Variant(String name, RuntimeFiles files, boolean snapStart, String handlerFormat, List<String> jvmOptions) {

        String handler(FunctionSpec spec) {
            return String.format(Locale.ROOT, handlerFormat, spec.handler(), spec.name());
        }
    }

    @Test
    void coldStartAgainstTheNaiveBuild() throws Exception {
        Path root = RepositoryRoot.find();
        Path bench = root.resolve("local/target/bench");
        Path logs = bench.resolve("logs");
        deleteTree(logs);
        RuntimeFiles project = RuntimeFiles.under(root);
        List<Variant> variants = List.of(
                new Variant("project", project, false, "%1$s", List.of()),
                new Variant("naive", withTaskRoot(project, requireNaiveBuild(bench)), false,
                        NaiveHandlers.class.getName() + "$%2$s::handleRequest", List.of()),
                new Variant("snapstart", withTaskRoot(project, snapStartTaskRoot(project, bench)), true,
                        SnapStartInit.class.getName() + "::handleRequest", List.of()),
                // Not a build: the project's jar with a deployment setting (see ColdStartTables.renderTuned).
                new Variant("metaspace", project, false, "%1$s", List.of(ColdStartTables.METASPACE_OPTION)));

        ColdStartTables tables = new ColdStartTables(RUNS);
        try (LocalAws aws = LocalAws.start(MotoExecutable.require(), Files.createDirectories(logs));
                ColdStartScenarios scenarios = new ColdStartScenarios(aws)) {
            // Run -1 warms up what is not under test (moto's lazily loaded services, the page cache) and is not counted.
            for (int run = -1; run < RUNS; run++) {
                for (FunctionSpec spec : Contract.get().functions()) {
                    for (int v = 0; v < variants.size(); v++) {
                        Variant variant = variants.get(Math.floorMod(v + run, variants.size()));
                        Path dir = logs.resolve(variant.name()).resolve(spec.name() + (run < 0 ? "-warmup" : "-" + run));
                        ColdStartLog log = coldStart(variant, spec, scenarios.prepare(spec.name()), aws.endpoint(), dir,
                                variant.jvmOptions());
                        if (run >= 0) {
                            tables.add(spec.name(), variant.name(), log);
                        }
                    }
                }
            }
            for (FunctionSpec spec : Contract.get().functions()) {
                for (Variant variant : variants.subList(0, 2)) {
                    Path dir = logs.resolve(variant.name()).resolve(spec.name() + "-classes");
                    Path classes = Files.createDirectories(dir).resolve("class-load.log");
                    Path gc = dir.resolve("gc.log");
                    coldStart(variant, spec, scenarios.prepare(spec.name()), aws.endpoint(), dir,
                            List.of(ClassLoadProfile.jvmOption(classes), "-Xlog:gc:file=" + gc));
                    tables.addClasses(spec.name(), variant.name(), ClassLoadProfile.read(classes), GcPauses.read(gc));
                }
            }
        }
        String report = tables.render();
        System.out.println(report);
        Files.writeString(bench.resolve("cold-start.txt"), report);
    }

    /** One fresh environment, one invocation; what its log says about the cold start. */
    private static ColdStartLog coldStart(Variant variant, FunctionSpec spec, byte[] payload, URI endpoint, Path logDir,
            List<String> jvmOptions) throws IOException, InterruptedException {
        Map<String, String> environment = new LinkedHashMap<>(Map.of(
                "JOB_BUCKET", LocalPipeline.BUCKET,
                "EXECUTION_ROLE_ARNS", LocalPipeline.JOB_ROLE,
                "DEFAULT_EXECUTION_ROLE_ARN", LocalPipeline.JOB_ROLE,
                "ALLOW_CREATE_APPLICATION", "true",
                "EVENT_BUS_NAME", LocalPipeline.EVENT_BUS,
                "AWS_ENDPOINT_URL", endpoint.toString(),
                "OBJECT_LINK_BASE", endpoint.toString(),
                "AWS_REGION", LocalGateway.REGION,
                "AWS_DEFAULT_REGION", LocalGateway.REGION,
                "AWS_ACCESS_KEY_ID", "LOCAL" + spec.name().toUpperCase(Locale.ROOT)));
        environment.put("AWS_SECRET_ACCESS_KEY", "local-" + spec.kebabName());
        if (variant.snapStart()) {
            environment.put("BENCH_HANDLER_CLASS", spec.handlerClass());
        }
        if (!jvmOptions.isEmpty()) {
            // Lambda honours JAVA_TOOL_OPTIONS too; the JVM reads it before anything else.
            environment.put("JAVA_TOOL_OPTIONS", String.join(" ", jvmOptions));
        }
        FunctionDeployment deployment = new FunctionDeployment(spec.name(), variant.handler(spec),
                Duration.ofSeconds(spec.timeoutSeconds()), Contract.get().functionMemoryMb(), environment);
        try (EnvironmentPool pool = new EnvironmentPool(deployment, variant.files(), 1, logDir)) {
            Outcome outcome = pool.invoke(UUID.randomUUID().toString(), payload);
            assertNull(outcome.errorType(), () -> variant.name() + " " + spec.name() + " failed: " + outcome.payload());
            return ColdStartLog.read(logDir.resolve(spec.name() + "-1.log"), REPORT_WAIT);
        }
    }

    private static Path requireNaiveBuild(Path bench) {
        Path taskRoot = bench.resolve("naive/task");
        if (!Files.exists(taskRoot.resolve("lib/functions-lambda.jar"))) {
            throw new IllegalStateException(taskRoot + "/lib/functions-lambda.jar is missing: build with -Pbench (make bench)");
        }
        return taskRoot;
    }

    /** The project's jar unchanged, with {@link SnapStartInit}'s classes in the task root beside it. */
    private static Path snapStartTaskRoot(RuntimeFiles project, Path bench) throws IOException {
        Path taskRoot = bench.resolve("snapstart/task");
        deleteTree(taskRoot);
        Path lib = Files.createDirectories(taskRoot.resolve("lib"));
        Files.copy(project.taskRoot().resolve("lib/functions-lambda.jar"), lib.resolve("functions-lambda.jar"));
        String classFile = SnapStartInit.class.getName().replace('.', '/') + ".class";
        Path target = Files.createDirectories(taskRoot.resolve(classFile).getParent());
        try (var in = SnapStartInit.class.getClassLoader().getResourceAsStream(classFile)) {
            Files.copy(in, target.resolve(SnapStartInit.class.getSimpleName() + ".class"), StandardCopyOption.REPLACE_EXISTING);
        }
        return taskRoot;
    }

    private static RuntimeFiles withTaskRoot(RuntimeFiles files, Path taskRoot) {
        return new RuntimeFiles(files.emulator(), files.clientClasspath(), files.nativeLibrary(), taskRoot, files.java());
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        List<Path> paths = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(paths::add);
        }
        for (Path path : paths) {
            Files.delete(path);
        }
    }
}
