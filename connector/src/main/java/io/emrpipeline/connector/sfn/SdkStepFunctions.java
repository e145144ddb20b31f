package io.emrpipeline.connector.sfn;

import io.emrpipeline.connector.config.ConnectorConfig;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.SfnClientBuilder;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.SfnException;

/** {@link StepFunctions} over the AWS SDK, mapping its exceptions to retry-or-not. */
public final class SdkStepFunctions implements StepFunctions {

    /**
     * One page, newest first, is enough: the pipeline writes about 20 events per job and the
     * status tracker remembers the job run once seen, so older pages are never needed.
     */
    static final int HISTORY_PAGE = 100;

    private final SfnClient sfn;
    private final String stateMachineArn;

    public SdkStepFunctions(ConnectorConfig config) {
        this(client(config), config.stateMachineArn());
    }

    public SdkStepFunctions(SfnClient sfn, String stateMachineArn) {
        this.sfn = sfn;
        this.stateMachineArn = stateMachineArn;
    }

    private static SfnClient client(ConnectorConfig config) {
        SfnClientBuilder builder = SfnClient.builder()
                .region(Region.of(config.region()))
                .httpClientBuilder(UrlConnectionHttpClient.builder());
        config.endpointOverride().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    @Override
    public String startExecution(String name, String input) {
        return call("StartExecution", () -> {
            try {
                return sfn.startExecution(r -> r.stateMachineArn(stateMachineArn).name(name).input(input)).executionArn();
            } catch (ExecutionAlreadyExistsException e) {
                throw new ExecutionAlreadyStarted(e.awsErrorDetails().errorMessage());
            }
        });
    }

    @Override
    public List<HistoryEvent> recentHistory(String executionArn) {
        return call("GetExecutionHistory", () -> sfn.getExecutionHistory(r -> r.executionArn(executionArn)
                .reverseOrder(true).maxResults(HISTORY_PAGE).includeExecutionData(true)).events());
    }

    @Override
    public void stopExecution(String executionArn, String error, String cause) {
        call("StopExecution", () -> {
            try {
                return sfn.stopExecution(r -> r.executionArn(executionArn).error(error).cause(cause));
            } catch (ExecutionDoesNotExistException e) {
                return null; // nothing left to stop
            }
        });
    }

    private static <T> T call(String operation, Supplier<T> request) {
        try {
            return request.get();
        } catch (ExecutionDoesNotExistException e) {
            throw new StepFunctionsRejected(operation + ": " + e.awsErrorDetails().errorMessage(), true, e);
        } catch (SfnException e) {
            if (e.isThrottlingException() || e.statusCode() >= 500) {
                throw new StepFunctionsUnavailable(operation + " failed, will retry: " + e.getMessage(), e);
            }
            String message = e.awsErrorDetails() != null ? e.awsErrorDetails().errorCode() + ": "
                    + e.awsErrorDetails().errorMessage() : e.getMessage();
            throw new StepFunctionsRejected(operation + " was rejected: " + message, false, e);
        } catch (SdkClientException e) {
            throw new StepFunctionsUnavailable(operation + " could not reach Step Functions: " + e.getMessage(), e);
        }
    }
}
