package io.emrpipeline.cli.pipeline;

import io.emrpipeline.cli.CliError;
import io.emrpipeline.cli.ExitCode;
import io.emrpipeline.cli.targets.Target;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Turns what the SDK throws into an error a person can act on: which call, against which
 * target, and what to check. Missing executions and the like are caught closer to their call.
 */
public final class AwsErrors {

    private AwsErrors() {}

    public static <T> T call(Target target, String operation, Supplier<T> call) {
        try {
            return call.get();
        } catch (AwsServiceException e) {
            throw service(target, operation, e);
        } catch (SdkClientException e) {
            throw client(target, operation, e);
        }
    }

    public static CliError service(Target target, String operation, AwsServiceException e) {
        String code = e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorCode();
        String message = e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
        if (e.statusCode() == 403 || String.valueOf(code).contains("AccessDenied")
                || String.valueOf(code).contains("UnrecognizedClient") || String.valueOf(code).contains("ExpiredToken")) {
            return new CliError(ExitCode.TARGET_UNAVAILABLE, operation + " was refused by " + target.description()
                    + ": " + code + ": " + message, "use credentials allowed to call " + operation
                    + " (--profile, AWS_PROFILE); docs/cli.md lists the IAM actions each command needs", e);
        }
        if (e.isThrottlingException()) {
            return new CliError(ExitCode.TARGET_UNAVAILABLE, operation + " was throttled by " + target.description(),
                    "try again in a few seconds", e);
        }
        return new CliError(ExitCode.TARGET_UNAVAILABLE, operation + " failed on " + target.description() + ": "
                + code + ": " + message, null, e);
    }

    public static CliError client(Target target, String operation, SdkClientException e) {
        String fix = target.isLocal()
                ? "is `bin/emr-pipeline local up` still running? Start it again if not"
                : "check your network, AWS credentials (--profile, AWS_PROFILE) and region (--region, AWS_REGION)";
        return new CliError(ExitCode.TARGET_UNAVAILABLE, "cannot call " + operation + " on " + target.description() + ": "
                + e.getMessage(), fix, e);
    }
}
