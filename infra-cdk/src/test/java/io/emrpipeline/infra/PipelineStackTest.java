package io.emrpipeline.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;

/** The default deployment's resources, as a platform team would check them in the template. */
class PipelineStackTest {

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
    void fiveJava17FunctionsWithSnapStartBehindLiveAliases() {
        for (String name : List.of("SubmitJobRun", "AwaitJobRun", "JobStateChange", "ReconcileJobRun", "CancelJobRun")) {
            pipeline.template().hasResourceProperties("AWS::Lambda::Function", Map.of(
                    "Handler", "io.emrpipeline.handlers." + name + "Handler::handleRequest",
                    "Runtime", "java17",
                    "SnapStart", Map.of("ApplyOn", "PublishedVersions"),
                    "Environment", Map.of("Variables", Match.objectLike(Map.of(
                            "JOB_BUCKET", Map.of("Ref", pipeline.resourceId("AWS::S3::Bucket")),
                            "EVENT_BUS_NAME", Map.of("Ref", pipeline.resourceId("AWS::Events::EventBus")),
                            "ALLOW_CREATE_APPLICATION", "false",
                            "EXECUTION_ROLE_ARNS", Match.anyValue(),
                            "DEFAULT_EXECUTION_ROLE_ARN", Match.anyValue())))));
        }
        pipeline.template().resourcePropertiesCountIs("AWS::Lambda::Alias", Map.of("Name", "live"), 5);
        pipeline.template().resourceCountIs("AWS::Lambda::Version", 5);
    }

    @Test
    void everyLogGroupHasTheConfiguredRetention() {
        pipeline.template().resourcePropertiesCountIs("AWS::Logs::LogGroup", Map.of("RetentionInDays", 30), 6);
        pipeline.template().resourceCountIs("AWS::Logs::LogGroup", 6);
    }

    @Test
    void stateMachineComesFromTheAslFileWithEverySubstitution() {
        JsonNode machine = pipeline.json().path("Resources").path(pipeline.resourceId("AWS::StepFunctions::StateMachine"));
        JsonNode properties = machine.path("Properties");
        assertTrue(properties.has("DefinitionS3Location"), "the definition is the ASL file, uploaded as an asset");
        JsonNode substitutions = properties.path("DefinitionSubstitutions");
        assertEquals("600", substitutions.path("HeartbeatSeconds").asText());
        for (String function : List.of("SubmitJobRun", "AwaitJobRun", "ReconcileJobRun", "CancelJobRun")) {
            String alias = substitutions.path(function + "FunctionArn").path("Ref").asText();
            assertTrue(alias.startsWith("Functions" + function + "Alias"), function + " must be called through its alias, was " + alias);
        }
        assertEquals("emr-pipeline", properties.path("StateMachineName").asText());
        assertEquals("ALL", properties.path("LoggingConfiguration").path("Level").asText());
        assertEquals(false, properties.path("LoggingConfiguration").path("IncludeExecutionData").asBoolean(true),
                "execution data holds task tokens and must stay out of logs");
    }

    @Test
    void emrApplicationIsCreatedWithCapacityAndAutoStartStop() {
        pipeline.template().hasResourceProperties("AWS::EMRServerless::Application", Map.of(
                "Name", "emr-pipeline", "Type", "SPARK", "ReleaseLabel", "emr-7.9.0", "Architecture", "X86_64",
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
                        "InputTemplate", Match.stringLikeRegexp("emr-pipeline job run <detail-jobRunName>.*ended <detail-state>.*")))))));
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
}
