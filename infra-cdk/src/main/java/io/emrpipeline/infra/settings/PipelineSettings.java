package io.emrpipeline.infra.settings;

import io.emrpipeline.contract.Contract;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.regex.Pattern;
import software.constructs.Node;

/**
 * Everything a platform team may set for one deployment, read once from CDK context (cdk.json
 * or {@code -c}). Defaults are the documented ones in docs/deploy.md; a value that cannot work
 * fails synth with an {@link InvalidSetting} naming it.
 */
public record PipelineSettings(
        String stackName,
        String namePrefix,
        BucketSettings bucket,
        ApplicationSettings application,
        RoleSettings roles,
        int reconcileMinutes,
        List<String> notificationEmails,
        int logRetentionDays,
        int functionMemoryMb,
        int longExecutionMinutes) {

    private static final Pattern STACK_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9-]{0,127}");
    private static final Pattern NAME_PREFIX = Pattern.compile("[a-z][a-z0-9-]{1,29}");
    private static final Pattern BUCKET_NAME = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern APPLICATION_ID = Pattern.compile("[0-9a-z]{16}");
    private static final Pattern APPLICATION_NAME = Pattern.compile("[A-Za-z0-9._/#-]{1,64}");
    private static final Pattern RELEASE_LABEL = Pattern.compile("emr-\\d+\\.\\d+\\.\\d+");
    private static final Pattern ARCHITECTURE = Pattern.compile("X86_64|ARM64");
    private static final Pattern CPU = Pattern.compile("\\d+ vCPU");
    private static final Pattern SIZE = Pattern.compile("\\d+ GB");
    private static final Pattern IMAGE_URI = Pattern.compile("\\d{12}\\.dkr\\.ecr\\.[a-z0-9-]+\\.amazonaws\\.com(\\.cn)?/[^\\s]+");
    private static final Pattern S3_URI = Pattern.compile("s3://[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](/[^\\s*]*)?");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    public static PipelineSettings from(Node node) {
        return from(ContextValues.of(node));
    }

    static PipelineSettings from(ContextValues context) {
        String namePrefix = context.matching("namePrefix", "emr-pipeline", NAME_PREFIX,
                "2 to 30 lowercase letters, digits or hyphens, starting with a letter");
        return new PipelineSettings(
                context.matching("stackName", "EmrPipeline", STACK_NAME, "a CloudFormation stack name (letters, digits, hyphens)"),
                namePrefix,
                bucket(context),
                application(context, namePrefix),
                roles(context),
                context.integer("reconcileMinutes", 5, 1, 60),
                context.listMatching("notificationEmails", EMAIL, "an email address"),
                logRetentionDays(context),
                context.integer("functionMemoryMb", Contract.get().functionMemoryMb(), 512, 10_240),
                context.integer("longExecutionMinutes", 720, 5, 525_600));
    }

    private static int logRetentionDays(ContextValues context) {
        SortedSet<Integer> accepted = LogRetention.acceptedDays();
        int days = context.integer("logRetentionDays", LogRetention.DEFAULT_DAYS, accepted.first(), accepted.last());
        if (LogRetention.of(days).isEmpty()) {
            throw new InvalidSetting("logRetentionDays", "must be one of " + accepted + ", was " + days);
        }
        return days;
    }

    private static BucketSettings bucket(ContextValues context) {
        Optional<String> name = context.string("bucketName");
        if (name.isPresent() && !BUCKET_NAME.matcher(name.get()).matches()) {
            throw new InvalidSetting("bucketName", "'" + name.get() + "' is not a valid S3 bucket name");
        }
        return new BucketSettings(name,
                context.integer("runRecordExpirationDays", 90, 1, 3650),
                context.integer("callbackExpirationDays", 14, 1, 3650),
                context.integer("logExpirationDays", 90, 0, 3650));
    }

    private static ApplicationSettings application(ContextValues context, String namePrefix) {
        Optional<String> imageUri = context.string("imageUri");
        if (imageUri.isPresent() && !IMAGE_URI.matcher(imageUri.get()).matches()) {
            throw new InvalidSetting("imageUri", "must be an ECR image URI (<account>.dkr.ecr.<region>.amazonaws.com/<repo>:<tag>), was '"
                    + imageUri.get() + "'");
        }
        ApplicationSettings settings = new ApplicationSettings(
                context.bool("createApplication", true),
                context.matching("applicationName", namePrefix, APPLICATION_NAME, "1 to 64 letters, digits or . _ / # -"),
                context.matching("releaseLabel", Contract.get().defaultReleaseLabel(), RELEASE_LABEL,
                        "an EMR release label such as " + Contract.get().defaultReleaseLabel()),
                context.matching("architecture", "X86_64", ARCHITECTURE, "X86_64 or ARM64"),
                imageUri,
                context.integer("initialDriverWorkers", 0, 0, 100),
                context.integer("initialExecutorWorkers", 0, 0, 1000),
                new ApplicationSettings.WorkerSize(
                        context.matching("workerCpu", "4 vCPU", CPU, "a vCPU count such as '4 vCPU'"),
                        context.matching("workerMemory", "16 GB", SIZE, "a size such as '16 GB'"),
                        context.matching("workerDisk", "20 GB", SIZE, "a size such as '20 GB'")),
                new ApplicationSettings.WorkerSize(
                        context.matching("maximumCpu", "200 vCPU", CPU, "a vCPU count such as '200 vCPU'"),
                        context.matching("maximumMemory", "800 GB", SIZE, "a size such as '800 GB'"),
                        context.matching("maximumDisk", "2000 GB", SIZE, "a size such as '2000 GB'")),
                context.bool("autoStart", true),
                context.integer("autoStopIdleMinutes", 15, 1, 10_080),
                context.listMatching("applicationIds", APPLICATION_ID, "an EMR Serverless application id (16 characters)"),
                context.bool("anyApplication", false),
                context.bool("allowCreateApplication", false),
                context.bool("resolveApplicationsByName", true));
        if (!settings.create() && settings.existingIds().isEmpty() && !settings.scopesToAllApplications()) {
            throw new InvalidSetting("applicationIds", "names no application while createApplication is false: "
                    + "list the existing application ids, or set createApplication, anyApplication or allowCreateApplication to true");
        }
        return settings;
    }

    private static RoleSettings roles(ContextValues context) {
        boolean create = context.bool("createJobRole", true);
        // The same rule the functions apply to EXECUTION_ROLE_ARNS at cold start.
        List<String> allowed = context.listOf("executionRoleArns", Contract.get()::isRoleArn, "an IAM role ARN");
        if (!create && allowed.isEmpty()) {
            throw new InvalidSetting("executionRoleArns", "lists no role while createJobRole is false, so no job could run");
        }
        Optional<String> defaultRole = context.string("defaultExecutionRoleArn");
        if (defaultRole.isPresent() && !allowed.contains(defaultRole.get())) {
            throw new InvalidSetting("defaultExecutionRoleArn", "'" + defaultRole.get()
                    + "' must also be listed in executionRoleArns (leave it unset to default to the created job role)");
        }
        List<String> read = context.listMatching("jobRoleReadS3Uris", S3_URI, "an s3://bucket/prefix URI without wildcards");
        List<String> write = context.listMatching("jobRoleWriteS3Uris", S3_URI, "an s3://bucket/prefix URI without wildcards");
        return new RoleSettings(create, allowed, defaultRole, read, write);
    }
}
