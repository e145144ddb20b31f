package io.emrpipeline.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.emrpipeline.contract.RepositoryRoot;
import io.emrpipeline.core.Json;
import io.emrpipeline.local.LocalPipeline;
import io.emrpipeline.local.spark.ExampleUploads;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.emrserverless.model.JobRun;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * A real Kedro project ({@code examples/kedro-project}) through the whole local pipeline on real
 * Spark, from the job request {@code make run EXAMPLE=examples/kedro-project/job-request.json} runs:
 * {@code kedro package} makes the wheel and the configuration archive, the pipeline ships the archive
 * (projectConf) and the bootstrap calls the package's {@code main(argv)} with Kedro's arguments and
 * {@code --conf-source}. The datasets the run writes are checked against the input, row by row; a node
 * that raises fails the execution with its error in the cause. One pipeline for the class.
 */
class KedroProjectIT extends SparkPipelineScenarios {

    private static final String BUCKET = LocalPipeline.BUCKET;
    private static final Duration JOB_TIMEOUT = Duration.ofMinutes(6);
    private static final Path REPO = RepositoryRoot.find();
    private static final Path EXAMPLE = REPO.resolve("examples/kedro-project");
    private static final String OUTPUT_ROOT = "output/kedro-orders/";

    @Test
    void thePackagedProjectRunsItsPipelineWithItsConfigurationAndWritesItsDatasetsToS3() throws Exception {
        ObjectNode request = exampleRequest();
        upload(request);

        DescribeExecutionResponse execution = run("kedro-orders", request);

        assertEquals(ExecutionStatus.SUCCEEDED, execution.status(), () -> Scenarios.describe(execution));
        List<Order> orders = orders(Files.readAllLines(EXAMPLE.resolve("data/01_raw/orders.csv")));
        assertEquals(expectedRegionTotals(orders), csvRows(OUTPUT_ROOT + "region_totals/", "region,orders,units,revenue"));
        List<JsonNode> top = jsonRows(OUTPUT_ROOT + "top_products/");
        assertEquals(3, top.size(), top::toString);
        assertEquals(bestProduct(orders), top.get(0).path("product").asText(), top::toString);

        JobRun jobRun = jobRun(execution);
        List<String> arguments = jobRun.jobDriver().sparkSubmit().entryPointArguments();
        assertTrue(arguments.contains("--conf-archive"), arguments::toString);
        String stdout = driverStdout(jobRun.jobRunId());
        assertTrue(stdout.contains("/project-conf/conf (unpacked by spark.archives)"), stdout);
        assertTrue(stdout.contains("calling order_totals.__main__.main from "), stdout);
    }

    @Test
    void aNodeThatRaisesFailsTheExecutionWithTheNodesErrorInTheCause() throws Exception {
        ObjectNode request = exampleRequest();
        upload(request);
        String badOrders = "order_id,region,product,quantity,unit_price\n1,north,lamp,2,24.50\n"
                + "2,south,chair,0,89.00\n3,east,desk,-1,240.00\n";
        pipeline.s3().putObject(r -> r.bucket(BUCKET).key("kedro-bad/orders.csv"), RequestBody.fromString(badOrders));
        setParams(request, "orders=s3://" + BUCKET + "/kedro-bad/orders.csv,output_root=s3://" + BUCKET + "/output/kedro-bad");

        DescribeExecutionResponse execution = run("kedro-bad-orders", request);

        assertEquals(ExecutionStatus.FAILED, execution.status(), () -> Scenarios.describe(execution));
        assertEquals("EmrJobFailed", execution.error(), () -> Scenarios.describe(execution));
        assertTrue(execution.cause().contains(
                "ValueError: 2 order(s) cannot be priced (quantity must be positive and unit_price present): order_id 2, 3"),
                execution.cause());
        assertTrue(execution.cause().contains("Driver stderr: "), "the cause links the driver's log: " + execution.cause());
        assertTrue(keys("output/kedro-bad/").isEmpty(), "no report from unpriced orders");
    }

    private static ObjectNode exampleRequest() throws Exception {
        return (ObjectNode) Json.parse(Files.readAllBytes(EXAMPLE.resolve("job-request.json")));
    }

    /** What make run does first: kedro package, then the wheel, the configuration archive and the input into S3. */
    private static void upload(JsonNode request) throws Exception {
        Path scratch = Files.createTempDirectory(Files.createDirectories(REPO.resolve("tests/target/example-builds")), "kedro-");
        ExampleUploads.upload(request, BUCKET, REPO, pipeline.s3(), scratch);
    }

    private static DescribeExecutionResponse run(String name, JsonNode request) throws Exception {
        return pipeline.awaitExecution(pipeline.startExecution(name, request.toString()), JOB_TIMEOUT);
    }

    private static void setParams(ObjectNode request, String params) {
        ArrayNode arguments = (ArrayNode) request.path("job").path("arguments");
        for (int i = 0; i + 1 < arguments.size(); i++) {
            if (arguments.get(i).asText().equals("--params")) {
                arguments.set(i + 1, params);
                return;
            }
        }
        throw new AssertionError("the example passes no --params: " + arguments);
    }

    private static JobRun jobRun(DescribeExecutionResponse execution) throws Exception {
        JsonNode run = Json.MAPPER.readTree(execution.output()).path("jobRun");
        return pipeline.emr().getJobRun(r -> r.applicationId(run.path("applicationId").asText())
                .jobRunId(run.path("jobRunId").asText())).jobRun();
    }

    private static String driverStdout(String jobRunId) throws Exception {
        Path work = pipeline.sparkJobs().orElseThrow().workDirectory(jobRunId);
        return Files.readString(work.resolve("stdout.log"), StandardCharsets.UTF_8);
    }

    private record Order(String region, String product, int quantity, BigDecimal unitPrice) {

        BigDecimal amount() {
            return unitPrice.multiply(BigDecimal.valueOf(quantity));
        }
    }

    private static List<Order> orders(List<String> csv) {
        assertEquals("order_id,region,product,quantity,unit_price", csv.get(0));
        return csv.subList(1, csv.size()).stream().filter(line -> !line.isBlank()).map(line -> line.split(","))
                .map(f -> new Order(f[1], f[2], Integer.parseInt(f[3]), new BigDecimal(f[4]))).toList();
    }

    /** region,orders,units,revenue rows as Spark writes them (revenue a double: 406.0), by region. */
    private static List<String> expectedRegionTotals(List<Order> orders) {
        Map<String, List<Order>> byRegion = new TreeMap<>();
        orders.forEach(order -> byRegion.computeIfAbsent(order.region(), key -> new ArrayList<>()).add(order));
        List<String> rows = new ArrayList<>();
        byRegion.forEach((region, list) -> rows.add(region + "," + list.size() + ","
                + list.stream().mapToInt(Order::quantity).sum() + ","
                + list.stream().map(Order::amount).reduce(BigDecimal.ZERO, BigDecimal::add).doubleValue()));
        return rows;
    }

    private static String bestProduct(List<Order> orders) {
        Map<String, BigDecimal> revenue = new TreeMap<>();
        orders.forEach(order -> revenue.merge(order.product(), order.amount(), BigDecimal::add));
        return revenue.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    private static List<String> keys(String prefix) {
        return pipeline.s3().listObjectsV2(r -> r.bucket(BUCKET).prefix(prefix)).contents().stream().map(S3Object::key)
                .toList();
    }

    /** The non-empty part files of a dataset Spark wrote, after its _SUCCESS marker is checked. */
    private static List<String> partFiles(String prefix) {
        List<String> keys = keys(prefix);
        assertTrue(keys.contains(prefix + "_SUCCESS"), keys::toString);
        return keys.stream().filter(key -> !key.substring(key.lastIndexOf('/') + 1).startsWith("_"))
                .map(key -> pipeline.s3().getObjectAsBytes(r -> r.bucket(BUCKET).key(key)).asUtf8String())
                .filter(text -> !text.isEmpty()).toList();
    }

    private static List<String> csvRows(String prefix, String header) {
        List<String> rows = new ArrayList<>();
        for (String file : partFiles(prefix)) {
            List<String> lines = file.lines().toList();
            assertEquals(header, lines.get(0));
            rows.addAll(lines.subList(1, lines.size()));
        }
        assertFalse(rows.isEmpty(), "no rows under " + prefix);
        return rows;
    }

    private static List<JsonNode> jsonRows(String prefix) {
        return partFiles(prefix).stream().flatMap(String::lines)
                .map(line -> Json.parse(line.getBytes(StandardCharsets.UTF_8))).toList();
    }
}
