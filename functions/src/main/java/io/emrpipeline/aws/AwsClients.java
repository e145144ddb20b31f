package io.emrpipeline.aws;

import io.emrpipeline.config.PipelineConfig;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.emrserverless.EmrServerlessClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * The SDK clients of one Lambda container, each built once, when the composition root first
 * needs it: region from the config, one URLConnection HTTP client and one credentials chain
 * shared by all (Apache and Netty are excluded from the artifact), standard retry mode, and the
 * endpoint override the local gateway and emulators use.
 *
 * <p>The credentials stay the SDK's default chain: environment variables on an on-demand
 * function, the container endpoint on a SnapStart one. The HTTP client can answer a
 * {@link #rehearse() rehearsal} itself (see {@link RehearsalHttpClient}).
 */
public final class AwsClients {

    private final PipelineConfig config;
    private final RehearsalHttpClient http = new RehearsalHttpClient(UrlConnectionHttpClient.create());
    private final AwsCredentialsProvider credentials = DefaultCredentialsProvider.builder().build();
    private final ClientOverrideConfiguration overrides =
            ClientOverrideConfiguration.builder().retryStrategy(RetryMode.STANDARD).build();
    private EmrServerlessClient emrServerless;
    private S3Client s3;
    private SfnClient stepFunctions;
    private EventBridgeClient eventBridge;

    public AwsClients(PipelineConfig config) {
        this.config = config;
    }

    public synchronized EmrServerlessClient emrServerless() {
        if (emrServerless == null) {
            emrServerless = configure(EmrServerlessClient.builder()).build();
        }
        return emrServerless;
    }

    public synchronized S3Client s3() {
        if (s3 == null) {
            // Path-style addressing: emulators serve buckets under the path, not a subdomain.
            s3 = configure(S3Client.builder()).forcePathStyle(config.endpointOverride().isPresent()).build();
        }
        return s3;
    }

    public synchronized SfnClient stepFunctions() {
        if (stepFunctions == null) {
            stepFunctions = configure(SfnClient.builder()).build();
        }
        return stepFunctions;
    }

    public synchronized EventBridgeClient eventBridge() {
        if (eventBridge == null) {
            eventBridge = configure(EventBridgeClient.builder()).build();
        }
        return eventBridge;
    }

    /**
     * Runs every call the functions make, through each client built so far, end to end except
     * the network: marshalling, endpoint rules, credentials, signing, checksums and the
     * unmarshalling of an empty answer. Nothing reaches AWS. For SnapStart's priming hook.
     */
    public void rehearse() {
        List<Runnable> calls = new ArrayList<>();
        synchronized (this) {
            if (emrServerless != null) {
                calls.addAll(ClientRehearsals.emrServerless(emrServerless));
            }
            if (s3 != null) {
                calls.addAll(ClientRehearsals.s3(s3, config.jobBucket()));
            }
            if (stepFunctions != null) {
                calls.addAll(ClientRehearsals.stepFunctions(stepFunctions));
            }
            if (eventBridge != null) {
                calls.addAll(ClientRehearsals.eventBridge(eventBridge));
            }
        }
        RehearsalHttpClient.rehearse(calls);
    }

    private <B extends AwsClientBuilder<B, ?> & SdkSyncClientBuilder<B, ?>> B configure(B builder) {
        builder.region(Region.of(config.region()))
                .credentialsProvider(credentials)
                .overrideConfiguration(overrides)
                .httpClient(http);
        config.endpointOverride().ifPresent(builder::endpointOverride);
        return builder;
    }
}
