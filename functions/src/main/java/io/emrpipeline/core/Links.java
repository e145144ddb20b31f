package io.emrpipeline.core;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The links an on-call person follows: EMR console, driver stdout/stderr, CloudWatch and the
 * Step Functions execution. Driver logs follow EMR Serverless's S3 layout:
 * {@code <logUri>/applications/<app>/jobs/<run>/SPARK_DRIVER/std{out,err}.gz}.
 */
public final class Links {

    private final String region;
    private final Optional<String> objectLinkBase;

    public Links(String region, Optional<String> objectLinkBase) {
        this.region = region;
        this.objectLinkBase = objectLinkBase;
    }

    public ObjectNode forJobRun(JobRunKey run, String logUri, String cloudWatchLogGroup, String executionArn) {
        return forJobRun(run, 1, logUri, cloudWatchLogGroup, executionArn);
    }

    /**
     * Links for one attempt of a job run: EMR Serverless writes a retried attempt's logs under
     * {@code attempts/<n>/}, the first attempt's where a run without retries writes them.
     */
    public ObjectNode forJobRun(JobRunKey run, int attempt, String logUri, String cloudWatchLogGroup, String executionArn) {
        ObjectNode links = Json.object();
        String console = "https://" + region + ".console.aws.amazon.com/emr/home?region=" + region
                + "#/serverless/applications/" + run.applicationId() + "/job-runs/" + run.jobRunId();
        links.put("emrConsole", console);
        if (logUri != null) {
            String prefix = (logUri.endsWith("/") ? logUri : logUri + "/")
                    + "applications/" + run.applicationId() + "/jobs/" + run.jobRunId()
                    + (attempt > 1 ? "/attempts/" + attempt : "") + "/SPARK_DRIVER/";
            links.put("driverStdout", objectLink(prefix + "stdout.gz"));
            links.put("driverStderr", objectLink(prefix + "stderr.gz"));
            links.put("driverLogsS3", prefix);
        }
        if (cloudWatchLogGroup != null) {
            links.put("cloudWatchLogs", "https://" + region + ".console.aws.amazon.com/cloudwatch/home?region=" + region
                    + "#logsV2:log-groups/log-group/" + encode(cloudWatchLogGroup));
        }
        if (executionArn != null) {
            links.put("stepFunctionsExecution", "https://" + region + ".console.aws.amazon.com/states/home?region="
                    + region + "#/v2/executions/details/" + executionArn);
        }
        return links;
    }

    private String objectLink(String s3Uri) {
        String path = s3Uri.substring("s3://".length());
        int slash = path.indexOf('/');
        String bucket = path.substring(0, slash);
        String key = path.substring(slash + 1);
        return objectLinkBase
                .map(base -> base + "/" + bucket + "/" + key)
                .orElse("https://s3.console.aws.amazon.com/s3/object/" + bucket + "?region=" + region + "&prefix=" + encode(key));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
