package io.emrpipeline.local.iam;

import com.sun.net.httpserver.Headers;
import io.emrpipeline.local.http.GatewayRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/**
 * An HTTP client for SDK clients that sends nothing: it keeps each signed request exactly as the
 * gateway would receive it and answers 400, so a mapper test sees what the SDK really sends
 * (paths, query parameters, bodies, the SigV4 credential) without a server.
 */
final class CapturedRequests implements SdkHttpClient {

    private final List<GatewayRequest> requests = new ArrayList<>();

    /** Builder configured to sign with {@code accessKeyId} and send through this client. */
    <B extends AwsClientBuilder<B, ?> & SdkSyncClientBuilder<B, ?>> B configure(B builder, String accessKeyId) {
        return builder.region(Region.US_EAST_1)
                .endpointOverride(URI.create("http://127.0.0.1:9"))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, "secret")))
                .httpClient(this);
    }

    /** The requests sent since the last call, oldest first. */
    synchronized List<GatewayRequest> take() {
        List<GatewayRequest> taken = List.copyOf(requests);
        requests.clear();
        return taken;
    }

    /** Runs one SDK call whose (refused) answer does not matter. */
    static void attempt(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException refused) {
            // Every request is answered 400; only the request matters here.
        }
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() throws IOException {
                capture(request);
                return HttpExecuteResponse.builder().response(SdkHttpResponse.builder().statusCode(400).build()).build();
            }

            @Override
            public void abort() {
                // Nothing in flight: call() answers at once.
            }
        };
    }

    private synchronized void capture(HttpExecuteRequest request) throws IOException {
        SdkHttpRequest http = request.httpRequest();
        byte[] body = new byte[0];
        if (request.contentStreamProvider().isPresent()) {
            try (InputStream in = request.contentStreamProvider().get().newStream()) {
                body = in.readAllBytes();
            }
        }
        Headers headers = new Headers();
        http.headers().forEach((name, values) -> headers.put(name, new ArrayList<>(values)));
        String query = SdkHttpUtils.encodeAndFlattenQueryParameters(http.rawQueryParameters()).orElse(null);
        requests.add(new GatewayRequest(http.method().name(), http.encodedPath(), query, headers, body));
    }

    @Override
    public void close() {
        // Holds no connections.
    }
}
