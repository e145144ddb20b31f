package io.emrpipeline.cli.pipeline;

import io.emrpipeline.cli.CliError;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import software.amazon.awssdk.services.emrserverless.model.JobRun;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * The driver's stdout or stderr of one attempt, from where EMR Serverless writes it:
 * {@code <logUri>/applications/<app>/jobs/<run>/[attempts/<n>/]SPARK_DRIVER/std{out,err}.gz},
 * decompressed. The log URI is the one the job run was started with (the pipeline fills in the
 * deployment's default when the request names none).
 */
public final class DriverLogReader {

    private final Executions executions;

    public DriverLogReader(Executions executions) {
        this.executions = executions;
    }

    /** s3://bucket/key of the log, or a usage error when the run logs nowhere on S3. */
    public static String location(JobRun run, int attempt, boolean stderr) {
        String logUri = logUri(run).orElseThrow(() -> CliError.badRequest("job run " + run.jobRunId()
                + " writes no logs to S3 (its configurationOverrides have no s3MonitoringConfiguration.logUri)",
                "read its CloudWatch logs instead, if enabled, or start it with a logUri"));
        return (logUri.endsWith("/") ? logUri : logUri + "/") + "applications/" + run.applicationId() + "/jobs/"
                + run.jobRunId() + (attempt > 1 ? "/attempts/" + attempt : "") + "/SPARK_DRIVER/"
                + (stderr ? "stderr.gz" : "stdout.gz");
    }

    /** The log's text, or empty when EMR has not written it (yet). */
    public Optional<String> read(String s3Uri) {
        String path = s3Uri.substring("s3://".length());
        String bucket = path.substring(0, path.indexOf('/'));
        String key = path.substring(path.indexOf('/') + 1);
        byte[] bytes;
        try {
            bytes = AwsErrors.call(executions.target(), "s3:GetObject", () -> executions.aws().s3()
                    .getObjectAsBytes(r -> r.bucket(bucket).key(key)).asByteArray());
        } catch (CliError e) {
            if (e.getCause() instanceof NoSuchKeyException) {
                return Optional.empty();
            }
            throw e;
        }
        return Optional.of(decompress(bytes));
    }

    static String decompress(byte[] bytes) {
        boolean gzip = bytes.length >= 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b;
        if (!gzip) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("a driver log is not valid gzip", e);
        }
    }

    static Optional<String> logUri(JobRun run) {
        if (run.configurationOverrides() == null || run.configurationOverrides().monitoringConfiguration() == null
                || run.configurationOverrides().monitoringConfiguration().s3MonitoringConfiguration() == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(run.configurationOverrides().monitoringConfiguration().s3MonitoringConfiguration().logUri());
    }
}
