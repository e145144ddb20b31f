package io.emrpipeline.aws;

import io.emrpipeline.config.PipelineConfig;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.emrserverless.EmrServerlessClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * The SDK clients of one Lambda container, built once at init: region from the config, one
 * URLConnection HTTP client shared by all (Apache and Netty are excluded from the artifact),
 * standard retry mode, and the endpoint override the local gateway and emulators use.
 */
public final class AwsClients {

    private final SdkHttpClient http = UrlConnectionHttpClient.builder().build();
    private final PipelineConfig config;

    public AwsClients(PipelineConfig config) {
        this.config = config;
    }

    public EmrServerlessClient emrServerless() {
        return configure(EmrServerlessClient.builder()).build();
    }

    public S3Client s3() {
        // Path-style addressing: emulators serve buckets under the path, not a subdomain.
        return configure(S3Client.builder()).forcePathStyle(config.endpointOverride().isPresent()).build();
    }

    public SfnClient stepFunctions() {
        return configure(SfnClient.builder()).build();
    }

    public EventBridgeClient eventBridge() {
        return configure(EventBridgeClient.builder()).build();
    }

    private <B extends AwsClientBuilder<B, ?> & SdkSyncClientBuilder<B, ?>> B configure(B builder) {
        builder.region(Region.of(config.region()))
                .overrideConfiguration(ClientOverrideConfiguration.builder().retryStrategy(RetryMode.STANDARD).build())
                .httpClient(http);
        config.endpointOverride().ifPresent(builder::endpointOverride);
        return builder;
    }
}
