package io.emrpipeline.local.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.emrpipeline.local.http.Json;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;

/**
 * Builds and publishes the "Step Functions Execution Status Change" events (source
 * {@code aws.states}) that Step Functions sends to EventBridge. moto's Step Functions emits no
 * events, so the gateway publishes ABORTED after a successful StopExecution and TIMED_OUT when a
 * test asks for it, with the execution's data read back from moto.
 */
public final class ExecutionStatusEvents {

    public static final String DETAIL_TYPE = "Step Functions Execution Status Change";

    private final URI moto;
    private final String accountId;
    private final EventPublisher publisher;
    private final Map<String, SfnClient> clientByRegion = new ConcurrentHashMap<>();

    public ExecutionStatusEvents(URI moto, String accountId, EventPublisher publisher) {
        this.moto = moto;
        this.accountId = accountId;
        this.publisher = publisher;
    }

    /** Publishes the event for an execution that ended with {@code status} (ABORTED, TIMED_OUT, …). */
    public ObjectNode publish(String executionArn, String status) {
        return publish(describe(executionArn), status);
    }

    /**
     * Publishes ABORTED after a successful StopExecution, unless the execution had already ended
     * (stopping a finished one changes nothing). moto reflects the stop asynchronously: an
     * execution blocked in a callback wait still reads RUNNING until its wait wakes (up to one
     * HeartbeatSeconds), so RUNNING here means "stopping".
     */
    public Optional<ObjectNode> publishIfAborted(String executionArn) {
        DescribeExecutionResponse execution = describe(executionArn);
        String status = execution.statusAsString();
        return "ABORTED".equals(status) || "RUNNING".equals(status)
                ? Optional.of(publish(execution, "ABORTED"))
                : Optional.empty();
    }

    private DescribeExecutionResponse describe(String executionArn) {
        String region = executionArn.split(":")[3];
        return sfn(region).describeExecution(b -> b.executionArn(executionArn));
    }

    private ObjectNode publish(DescribeExecutionResponse execution, String status) {
        String region = execution.executionArn().split(":")[3];
        String executionArn = execution.executionArn();
        ObjectNode event = EventEnvelope.of("aws.states", DETAIL_TYPE, region, accountId,
                List.of(executionArn), detail(execution, status));
        publisher.publish(event, false);
        return event;
    }

    static ObjectNode detail(DescribeExecutionResponse execution, String status) {
        Instant stopDate = execution.stopDate() != null ? execution.stopDate() : Instant.now();
        ObjectNode detail = Json.object()
                .put("executionArn", execution.executionArn())
                .put("stateMachineArn", execution.stateMachineArn())
                .put("name", execution.name())
                .put("status", status)
                // Unlike the API, these events carry epoch milliseconds.
                .put("startDate", execution.startDate().toEpochMilli())
                .put("stopDate", stopDate.toEpochMilli())
                .put("input", execution.input())
                .putNull("output");
        detail.putObject("inputDetails").put("included", true);
        detail.putNull("outputDetails");
        detail.put("error", execution.error());
        detail.put("cause", execution.cause());
        return detail;
    }

    private SfnClient sfn(String region) {
        return clientByRegion.computeIfAbsent(region, r -> SfnClient.builder()
                .endpointOverride(moto)
                .region(Region.of(r))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .build());
    }

    public void close() {
        clientByRegion.values().forEach(SfnClient::close);
    }
}
