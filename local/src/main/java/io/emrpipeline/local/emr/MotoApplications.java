package io.emrpipeline.local.emr;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.emrserverless.EmrServerlessClient;
import software.amazon.awssdk.services.emrserverless.model.ResourceNotFoundException;

/** Reads applications from moto, which serves the application APIs well enough. */
public final class MotoApplications implements ApplicationLookup, AutoCloseable {

    private final URI moto;
    private final Map<String, EmrServerlessClient> clientByRegion = new ConcurrentHashMap<>();

    public MotoApplications(URI moto) {
        this.moto = moto;
    }

    @Override
    public Optional<Application> find(String region, String applicationId) {
        try {
            var app = client(region).getApplication(b -> b.applicationId(applicationId)).application();
            return Optional.of(new Application(app.applicationId(), app.releaseLabel(), app.stateAsString()));
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        }
    }

    private EmrServerlessClient client(String region) {
        return clientByRegion.computeIfAbsent(region, r -> EmrServerlessClient.builder()
                .endpointOverride(moto)
                .region(Region.of(r))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .build());
    }

    @Override
    public void close() {
        clientByRegion.values().forEach(EmrServerlessClient::close);
    }
}
