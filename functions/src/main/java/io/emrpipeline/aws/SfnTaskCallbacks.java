package io.emrpipeline.aws;

import io.emrpipeline.core.TaskCallbacks;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.InvalidTokenException;
import software.amazon.awssdk.services.sfn.model.TaskDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.TaskTimedOutException;

/** {@link TaskCallbacks} over Step Functions' SendTaskSuccess. */
public final class SfnTaskCallbacks implements TaskCallbacks {

    private final SfnClient sfn;

    public SfnTaskCallbacks(SfnClient sfn) {
        this.sfn = sfn;
    }

    @Override
    public boolean sendSuccess(String taskToken, String outputJson) {
        try {
            sfn.sendTaskSuccess(r -> r.taskToken(taskToken).output(outputJson));
            return true;
        } catch (TaskTimedOutException | TaskDoesNotExistException | InvalidTokenException e) {
            return false;
        } catch (SdkException e) {
            throw AwsErrors.translate("SendTaskSuccess", e);
        }
    }
}
