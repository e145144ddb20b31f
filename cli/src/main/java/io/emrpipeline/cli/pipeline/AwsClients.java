package io.emrpipeline.cli.pipeline;

import io.emrpipeline.cli.targets.Target;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.emrserverless.EmrServerlessClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * The three services a command talks to, built once for its target over one URLConnection HTTP
 * client (small and quick to start; the command makes a few calls at a time).
 */
public final class AwsClients implements AutoCloseable {

    private final SdkHttpClient http = UrlConnectionHttpClient.create();
    private final SfnClient sfn;
    private final EmrServerlessClient emr;
    private final S3Client s3;

    public AwsClients(Target target) {
        this.sfn = configure(SfnClient.builder(), target).build();
        this.emr = configure(EmrServerlessClient.builder(), target).build();
        // The local gateway serves S3 by path (bucket in the path), as moto does.
        this.s3 = configure(S3Client.builder(), target).forcePathStyle(target.isLocal()).build();
    }

    private <B extends AwsClientBuilder<B, ?> & SdkSyncClientBuilder<B, ?>> B configure(B builder, Target target) {
        builder.region(target.region()).credentialsProvider(target.credentials()).httpClient(http);
        target.endpoint().ifPresent(builder::endpointOverride);
        return builder;
    }

    public SfnClient sfn() {
        return sfn;
    }

    public EmrServerlessClient emr() {
        return emr;
    }

    public S3Client s3() {
        return s3;
    }

    @Override
    public void close() {
        sfn.close();
        emr.close();
        s3.close();
        http.close();
    }
}
