package io.emrpipeline.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.emrpipeline.core.fakes.Fixtures;
import io.emrpipeline.errors.InvalidJobRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every EMR Serverless limit is checked before anything starts, each failure naming its field:
 * one valid request, broken one way at a time.
 */
class JobRequestLimitsTest {

    private static final String ROLE = "arn:aws:iam::123456789012:role/emr-job-role";
    private static final RoleRules ROLES = new RoleRules(Set.of(ROLE), Optional.of(ROLE));
    private static final String HUNDRED_KB = "x".repeat(100 * 1024);

    private final JobRequestValidator validator = new JobRequestValidator();

    static Stream<Arguments> brokenRequests() {
        return Stream.of(
                broken("a name ending in a newline", r -> r.put("name", "wordcount\n"), "$.name"),
                broken("an entry point ending in a newline", r -> job(r).put("entryPoint", "s3://my-bucket/jobs/wordcount.py\n"),
                        "$.job.entryPoint"),
                broken("a Spark setting name ending in a newline", r -> conf(r).put("spark.executor.cores\n", "2"), "$.job.sparkConf"),
                broken("a Spark setting value ending in a newline", r -> conf(r).put("spark.executor.cores", "2\n"), "$.job.sparkConf"),
                broken("a tag key ending in a newline", r -> tags(r).put("owner\n", "data"), "$.tags"),
                broken("a log URI ending in a newline", r -> monitoring(r).putObject("s3MonitoringConfiguration")
                        .put("logUri", "s3://my-bucket/logs/\n"),
                        "$.configurationOverrides.monitoringConfiguration.s3MonitoringConfiguration.logUri"),
                broken("s3:///job.py (no bucket)", r -> job(r).put("entryPoint", "s3:///job.py"), "$.job.entryPoint"),
                broken("s3://job.py (no key)", r -> job(r).put("entryPoint", "s3://job.py"), "$.job.entryPoint"),
                broken("s3://b b/job.py (a space)", r -> job(r).put("entryPoint", "s3://b b/job.py"), "$.job.entryPoint"),
                broken("a bucket name with capitals", r -> job(r).put("entryPoint", "s3://My-Bucket/job.py"), "$.job.entryPoint"),
                broken("a venv archive in a bucket named like an IP address",
                        r -> job(r).putObject("pythonEnvironment").put("venvArchive", "s3://192.168.1.1/env.tar.gz"),
                        "$.job.pythonEnvironment.venvArchive"),
                broken("50 tags of the user's: 51 with the pipeline's", r -> {
                    for (int i = 0; i < 50; i++) {
                        tags(r).put("tag" + i, "v");
                    }
                }, "$.tags"),
                broken("a tag key starting with aws:", r -> tags(r).put("aws:owner", "me"), "$.tags"),
                broken("a tag key starting with AWS:", r -> tags(r).put("AWS:owner", "me"), "$.tags"),
                broken("the pipeline's own tag key", r -> tags(r).put("emr-pipeline:execution", "mine"), "$.tags"),
                broken("an application with both id and name", r -> app(r).put("name", "analytics"), "$.application.name"),
                broken("an application with neither id nor name", r -> r.putObject("application"), "$.application"),
                broken("a 100 KB Spark value", r -> conf(r).put("spark.executor.extraJavaOptions", HUNDRED_KB), "$.job.sparkConf"),
                broken("a 100 KB Spark setting name", r -> conf(r).put("spark." + HUNDRED_KB, "1"), "$.job.sparkConf"),
                broken("a 100 KB classification property name", r -> overrides(r).putArray("applicationConfiguration").addObject()
                        .put("classification", "spark-defaults").putObject("properties").put(HUNDRED_KB, "1"),
                        "$.configurationOverrides.applicationConfiguration[0].properties"),
                broken("a 100 KB entry point", r -> job(r).put("entryPoint", "s3://my-bucket/" + HUNDRED_KB + ".py"), "$.job.entryPoint"),
                broken("a 100 KB argument", r -> ((ArrayNode) job(r).get("arguments")).add(HUNDRED_KB),
                        "$.job.arguments[2]"),
                broken("a 100 KB main class", r -> job(r).put("entryPoint", "s3://my-bucket/job.jar").put("mainClass", HUNDRED_KB),
                        "$.job.mainClass"),
                broken("a 100 KB module", r -> packageJob(r).put("module", HUNDRED_KB), "$.job.module"),
                broken("Spark settings past 102400 characters in all", r -> {
                    for (int i = 0; i < 11; i++) {
                        conf(r).put("spark.setting" + i, "y".repeat(10_000));
                    }
                }, "$.job: its Spark settings come to"),
                broken("an unknown key in the S3 monitoring", r -> monitoring(r).putObject("s3MonitoringConfiguration")
                        .put("logUri", "s3://my-bucket/logs/").put("logURI", "s3://typo/"),
                        "$.configurationOverrides.monitoringConfiguration.s3MonitoringConfiguration"),
                broken("an unknown key in managed persistence", r -> monitoring(r).putObject("managedPersistenceMonitoringConfiguration")
                        .put("enable", false), "$.configurationOverrides.monitoringConfiguration.managedPersistenceMonitoringConfiguration"),
                broken("an unknown monitoring", r -> monitoring(r).putObject("containerLogRotationConfiguration"),
                        "$.configurationOverrides.monitoringConfiguration"),
                broken("a log type of another engine", r -> monitoring(r).putObject("cloudWatchLoggingConfiguration").put("enabled", true)
                        .putObject("logTypes").putArray("HIVE_DRIVER").add("HIVE_LOG"),
                        "$.configurationOverrides.monitoringConfiguration.cloudWatchLoggingConfiguration.logTypes"),
                broken("a Prometheus URL that is not a workspace's", r -> monitoring(r).putObject("prometheusMonitoringConfiguration")
                        .put("remoteWriteUrl", "https://example.com/api/v1/remote_write"),
                        "$.configurationOverrides.monitoringConfiguration.prometheusMonitoringConfiguration.remoteWriteUrl"),
                broken("disk encryption, which this SDK cannot send", r -> overrides(r).putObject("diskEncryptionConfiguration")
                        .put("encryptionKeyArn", "arn:aws:kms:eu-west-1:123456789012:key/abc"),
                        "$.configurationOverrides.diskEncryptionConfiguration: is not supported yet"),
                broken("a KMS key that is not a key ARN", r -> monitoring(r).putObject("managedPersistenceMonitoringConfiguration")
                        .put("encryptionKeyArn", "alias/logs"),
                        "$.configurationOverrides.monitoringConfiguration.managedPersistenceMonitoringConfiguration.encryptionKeyArn"),
                broken("maxAttempts for a streaming job", r -> r.put("mode", "STREAMING").putObject("retryPolicy").put("maxAttempts", 3),
                        "$.retryPolicy.maxAttempts: is for BATCH jobs"),
                broken("maxFailedAttemptsPerHour for a batch job", r -> r.putObject("retryPolicy").put("maxFailedAttemptsPerHour", 3),
                        "$.retryPolicy.maxFailedAttemptsPerHour: is for STREAMING jobs"),
                broken("an unknown run mode", r -> r.put("mode", "INTERACTIVE"), "$.mode"),
                broken("a policy ARN that is not a policy's", r -> r.putObject("executionIamPolicy").putArray("policyArns")
                        .add("arn:aws:iam::123456789012:role/not-a-policy"), "$.executionIamPolicy.policyArns[0]"),
                broken("eleven policy ARNs", r -> {
                    var arns = r.putObject("executionIamPolicy").putArray("policyArns");
                    for (int i = 0; i < 11; i++) {
                        arns.add("arn:aws:iam::aws:policy/Policy" + i);
                    }
                }, "$.executionIamPolicy.policyArns"),
                broken("an inline policy that is not JSON", r -> r.putObject("executionIamPolicy").put("policy", "{not json"),
                        "$.executionIamPolicy.policy: is not a JSON policy document"),
                broken("an inline policy without a Statement", r -> r.putObject("executionIamPolicy").putObject("policy")
                        .put("Version", "2012-10-17"), "$.executionIamPolicy.policy: a policy document needs a Statement"),
                broken("an inline policy over 2048 characters once compact", r -> {
                    var statement = r.putObject("executionIamPolicy").putObject("policy").putArray("Statement").addObject()
                            .put("Effect", "Allow").put("Action", "s3:GetObject");
                    var resources = statement.putArray("Resource");
                    for (int i = 0; i < 60; i++) {
                        resources.add("arn:aws:s3:::my-bucket/prefix-" + i + "/*");
                    }
                }, "$.executionIamPolicy.policy: is "),
                broken("a package in script mode (it would be ignored)", r -> job(r).put("package", "s3://my-bucket/dist/p.whl"),
                        "$.job.package: does not belong to this job mode"),
                broken("arguments in flyte mode (they would be ignored)", r -> job(r).put("mode", "flyte").put("bundle", "s3://my-bucket/b.tar.gz")
                        .putArray("command").add("pyflyte-execute"), "$.job.arguments: does not belong to this job mode"),
                broken("a main class with a Python entry point", r -> job(r).put("mainClass", "com.example.Main"),
                        "$.job.entryPoint: must be a .jar"),
                broken("a project configuration in script mode (it would be ignored)", r -> job(r).putObject("projectConf")
                        .put("archive", "s3://my-bucket/dist/conf-p.tar.gz"), "$.job.projectConf: does not belong to this job mode"),
                broken("a project configuration that is not an archive Spark unpacks", r -> projectConf(r)
                        .put("archive", "s3://my-bucket/dist/catalog.yml"), "$.job.projectConf.archive"),
                broken("a project configuration archive with an alias of its own", r -> projectConf(r)
                        .put("archive", "s3://my-bucket/dist/conf-p.tar.gz#conf"), "$.job.projectConf.archive"),
                broken("a project configuration option that is not a long option", r -> projectConf(r)
                        .put("option", "-c"), "$.job.projectConf.option"),
                broken("1016 arguments beside a project configuration (the bootstrap takes 9)", r -> {
                    projectConf(r);
                    ArrayNode arguments = job(r).putArray("arguments");
                    for (int i = 0; i < 1016; i++) {
                        arguments.add("a" + i);
                    }
                }, "$.job.arguments"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenRequests")
    void aBrokenRequestIsRefusedNamingTheField(String what, Consumer<ObjectNode> breakIt, String expected) {
        ObjectNode request = (ObjectNode) Fixtures.request("script-valid.json");
        breakIt.accept(request);

        InvalidJobRequest error = assertThrows(InvalidJobRequest.class, () -> validator.validate(request, ROLES));

        assertTrue(error.problems().stream().anyMatch(problem -> problem.startsWith(expected)),
                () -> "expected a problem starting with " + expected + ", got " + error.problems());
        assertFalse(error.getMessage().contains(HUNDRED_KB), "a problem quotes no 100 KB value back");
    }

    @Test
    void fortyNineTagsOfTheUsersFitWithThePipelinesOwn() {
        ObjectNode request = (ObjectNode) Fixtures.request("script-valid.json");
        for (int i = 1; i < 49; i++) {
            tags(request).put("tag" + i, "v");
        }

        assertEquals(49, validator.validate(request, ROLES).tags().size());
    }

    @Test
    void everyPatternOfTheSchemaRefusesATrailingNewline() throws IOException {
        List<String> loose = new ArrayList<>();
        collectPatterns(JobRequestValidatorTest.schema(), loose);

        assertTrue(loose.size() > 20, "the schema's patterns were not found: " + loose);
        assertEquals(List.of(), loose.stream().filter(pattern -> !pattern.endsWith("(?![\\s\\S])")).toList(),
                "end each pattern with (?![\\s\\S]): $ also matches before a final newline in Java and Python");
    }

    private static void collectPatterns(JsonNode node, List<String> patterns) {
        if (node.path("pattern").isTextual()) {
            patterns.add(node.get("pattern").asText());
        }
        if (node.isObject()) {
            // "message" holds the words shown for a failed keyword, not a schema.
            node.properties().forEach(field -> {
                if (!"message".equals(field.getKey())) {
                    collectPatterns(field.getValue(), patterns);
                }
            });
        } else {
            node.forEach(child -> collectPatterns(child, patterns));
        }
    }

    private static Arguments broken(String what, Consumer<ObjectNode> breakIt, String expectedProblemStart) {
        return Arguments.of(what, breakIt, expectedProblemStart);
    }

    private static ObjectNode job(ObjectNode request) {
        return (ObjectNode) request.get("job");
    }

    private static ObjectNode packageJob(ObjectNode request) {
        ObjectNode job = request.putObject("job").put("mode", "package").put("package", "s3://my-bucket/dist/p.whl");
        return job;
    }

    /** A package job with a valid project configuration in place of the request's job; returns the configuration. */
    private static ObjectNode projectConf(ObjectNode request) {
        return packageJob(request).put("module", "p.__main__").putObject("projectConf")
                .put("archive", "s3://my-bucket/dist/conf-p.tar.gz");
    }

    private static ObjectNode conf(ObjectNode request) {
        return (ObjectNode) job(request).get("sparkConf");
    }

    private static ObjectNode tags(ObjectNode request) {
        return (ObjectNode) request.get("tags");
    }

    private static ObjectNode app(ObjectNode request) {
        return (ObjectNode) request.get("application");
    }

    private static ObjectNode overrides(ObjectNode request) {
        return request.has("configurationOverrides") ? (ObjectNode) request.get("configurationOverrides")
                : request.putObject("configurationOverrides");
    }

    private static ObjectNode monitoring(ObjectNode request) {
        ObjectNode overrides = overrides(request);
        return overrides.has("monitoringConfiguration") ? (ObjectNode) overrides.get("monitoringConfiguration")
                : overrides.putObject("monitoringConfiguration");
    }
}
