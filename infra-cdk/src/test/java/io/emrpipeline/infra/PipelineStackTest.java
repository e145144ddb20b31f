package io.emrpipeline.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.emrpipeline.contract.Contract;
import io.emrpipeline.contract.FunctionSpec;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;

/** The default deployment's resources, as a platform team would check them in the template. */
class PipelineStackTest {

    private static final Contract CONTRACT = Contract.get();

    private final SynthesizedPipeline pipeline = SynthesizedPipeline.defaults();

    @Test
    void bucketIsPrivateEncryptedTlsOnlyAndExpiresRunRecordsAndCallbacks() {
        pipeline.template().hasResourceProperties("AWS::S3::Bucket", Map.of(
                "BucketEncryption", Map.of("ServerSideEncryptionConfiguration", List.of(
                        Map.of("ServerSideEncryptionByDefault", Map.of("SSEAlgorithm", "AES256")))),
                "PublicAccessBlockConfiguration", Map.of("BlockPublicAcls", true, "BlockPublicPolicy", true,
                        "IgnorePublicAcls", true, "RestrictPublicBuckets", true),
                "LifecycleConfiguration", Map.of("Rules", Match.arrayWith(List.of(
                        Map.of("Id", "ExpireRunRecords", "Prefix", "runs/", "ExpirationInDays", 90, "Status", "Enabled"),
                        Map.of("Id", "ExpireCallbacks", "Prefix", "callbacks/", "ExpirationInDays", 14, "Status", "Enabled"))))));
        pipeline.template().hasResourceProperties("AWS::S3::BucketPolicy", Map.of("PolicyDocument", Map.of(
                "Statement", Match.arrayWith(List.of(Match.objectLike(Map.of("Effect", "Deny",
                        "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")))))))));
    }

    @Test
    void everyContractFunctionIsAJava17FunctionWithSnapStartBehindALiveAlias() {
        for (FunctionSpec spec : CONTRACT.functions()) {
            pipeline.template().hasResourceProperties("AWS::Lambda::Function", Map.of(
                    "FunctionName", "emr-pipeline-" + spec.kebabName(),
                    "Handler", spec.handler(),
                    "Timeout", spec.timeoutSeconds(),
                    "MemorySize", CONTRACT.functionMemoryMb(),
                    "Runtime", "java17",
                    "SnapStart", Map.of("ApplyOn", "PublishedVersions"),
                    "Environment", Map.of("Variables", Match.objectLike(Map.of(
                            "JOB_BUCKET", Map.of("Ref", pipeline.resourceId("AWS::S3::Bucket")),
                            "EVENT_BUS_NAME", Map.of("Ref", pipeline.resourceId("AWS::Events::EventBus")),
                            "ALLOW_CREATE_APPLICATION", "false",
                            "EXECUTION_ROLE_ARNS", Match.anyValue(),
                            "DEFAULT_EXECUTION_ROLE_ARN", Match.anyValue())))));
        }
        int functions = CONTRACT.functions().size();
        pipeline.template().resourceCountIs("AWS::Lambda::Function", functions);
        pipeline.template().resourcePropertiesCountIs("AWS::Lambda::Alias", Map.of("Name", "live"), functions);
        pipeline.template().resourceCountIs("AWS::Lambda::Version", functions);
    }

    @Test
    void everyLogGroupHasTheConfiguredRetention() {
        int logGroups = CONTRACT.functions().size() + 1;
        pipeline.template().resourcePropertiesCountIs("AWS::Logs::LogGroup", Map.of("RetentionInDays", 30), logGroups);
        pipeline.template().resourceCountIs("AWS::Logs::LogGroup", logGroups);
    }

    @Test
    void stateMachineIsTheAslFileWithEveryPlaceholderSubstituted() {
        JsonNode machine = pipeline.json().path("Resources").path(pipeline.resourceId("AWS::StepFunctions::StateMachine"));
        JsonNode properties = machine.path("Properties");
        assertEquals(CONTRACT.stateMachineDefinition(), properties.path("DefinitionString").asText(),
                "the definition is the ASL file as written; CloudFormation fills its placeholders");
        JsonNode substitutions = properties.path("DefinitionSubstitutions");
        // Each function is called through its alias, whose logical id is Functions<Name>Alias<hash>.
        Map<String, String> expected = CONTRACT.aslSubstitutions(spec -> "Functions" + spec.name() + "Alias");
        assertEquals(expected.keySet(), fieldNames(substitutions));
        expected.forEach((placeholder, value) -> {
            JsonNode deployed = substitutions.path(placeholder);
            String text = deployed.has("Ref") ? deployed.path("Ref").asText() : deployed.asText();
            assertTrue(text.startsWith(value), placeholder + " should be " + value + "…, was " + text);
        });
        assertEquals("emr-pipeline", properties.path("StateMachineName").asText());
        assertEquals("ALL", properties.path("LoggingConfiguration").path("Level").asText());
        assertEquals(false, properties.path("LoggingConfiguration").path("IncludeExecutionData").asBoolean(true),
                "execution data holds task tokens and must stay out of logs");
    }

    @Test
    void emrApplicationIsCreatedWithCapacityAndAutoStartStop() {
        pipeline.template().hasResourceProperties("AWS::EMRServerless::Application", Map.of(
                "Name", "emr-pipeline", "Type", "SPARK", "ReleaseLabel", CONTRACT.defaultReleaseLabel(), "Architecture", "X86_64",
                "MaximumCapacity", Map.of("Cpu", "200 vCPU", "Memory", "800 GB", "Disk", "2000 GB"),
                "AutoStartConfiguration", Map.of("Enabled", true),
                "AutoStopConfiguration", Map.of("Enabled", true, "IdleTimeoutMinutes", 15)));
    }

    @Test
    void notificationsGoToAnEncryptedTopicWithReadableMessages() {
        pipeline.template().hasResourceProperties("AWS::Events::EventBus", Map.of("Name", "emr-pipeline-events"));
        pipeline.template().hasResourceProperties("AWS::SNS::Topic", Map.of(
                "KmsMasterKeyId", Match.anyValue(), "TopicName", "emr-pipeline-notifications"));
        pipeline.template().hasResourceProperties("AWS::Events::Rule", Map.of(
                "EventBusName", Map.of("Ref", pipeline.resourceId("AWS::Events::EventBus")),
                "Targets", List.of(Match.objectLike(Map.of("InputTransformer", Map.of(
                        "InputPathsMap", Match.objectLike(Map.of("detail-jobRunName", "$.detail.jobRunName")),
                        "InputTemplate", Match.stringLikeRegexp(
                                "emr-pipeline: .*job run <detail-jobRunName>.*ended <detail-state>.*"
                                + "emr-pipeline logs <detail-executionArn> --stderr.*")))))));
        pipeline.template().resourceCountIs("AWS::SNS::Subscription", 0);
    }

    @Test
    void dashboardAndAlarmsWatchTheExecutions() {
        pipeline.template().resourceCountIs("AWS::CloudWatch::Dashboard", 1);
        for (String metric : List.of("ExecutionsFailed", "ExecutionsTimedOut", "ExecutionTime")) {
            pipeline.template().hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                    "MetricName", metric, "Namespace", "AWS/States",
                    "AlarmActions", List.of(Map.of("Ref", pipeline.resourceId("AWS::SNS::Topic")))));
        }
        pipeline.template().hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "MetricName", "ExecutionTime", "Threshold", 720 * 60_000));
    }

    private static Set<String> fieldNames(JsonNode object) {
        Set<String> names = new HashSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
