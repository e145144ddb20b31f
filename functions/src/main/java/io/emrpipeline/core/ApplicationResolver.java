package io.emrpipeline.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.emrpipeline.errors.ApplicationNotFound;
import io.emrpipeline.errors.ApplicationNotReady;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.logging.log4j.CloseableThreadContext;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import software.amazon.awssdk.services.emrserverless.model.Application;
import software.amazon.awssdk.services.emrserverless.model.ApplicationState;
import software.amazon.awssdk.services.emrserverless.model.ApplicationSummary;
import software.amazon.awssdk.services.emrserverless.model.AutoStopConfig;
import software.amazon.awssdk.services.emrserverless.model.CreateApplicationRequest;
import software.amazon.awssdk.services.emrserverless.model.ImageConfigurationInput;
import software.amazon.awssdk.services.emrserverless.model.MaximumAllowedResources;

/**
 * Finds the EMR Serverless application a request names: by id, or by name through
 * ListApplications. Creates one only when the deployment allows it and the request asks. An
 * application that cannot take the job yet (EMR creates asynchronously: CREATING; or not yet
 * STARTED when the request asked for that) fails the submit with {@link ApplicationNotReady},
 * which the state machine retries with backoff: the wait costs state transitions, not a Lambda
 * sleeping.
 */
public final class ApplicationResolver {

    private static final Logger LOG = LogManager.getLogger(ApplicationResolver.class);

    private final EmrServerlessApi emr;
    private final boolean allowCreate;

    public ApplicationResolver(EmrServerlessApi emr, boolean allowCreate) {
        this.emr = emr;
        this.allowCreate = allowCreate;
    }

    /**
     * @return the id of an application ready for the job
     * @throws ApplicationNotReady while it is being created, stopping, or (when asked) starting
     */
    public String resolve(JobRequest.ApplicationRef ref) {
        Found found = ref.id() != null ? byId(ref.id()) : byName(ref.name(), ref.create());
        return ready(found, ref.startFirst());
    }

    private record Found(String id, ApplicationState state) {}

    private String ready(Found application, boolean startFirst) {
        ApplicationState state = application.state() == null ? ApplicationState.UNKNOWN_TO_SDK_VERSION : application.state();
        boolean waitsForStart = startFirst && state != ApplicationState.STARTED;
        if (startFirst && (state == ApplicationState.CREATED || state == ApplicationState.STOPPED)) {
            emr.startApplication(application.id());
            state = ApplicationState.STARTING;
        }
        if (state == ApplicationState.CREATING || state == ApplicationState.STOPPING || waitsForStart) {
            try (var fields = CloseableThreadContext.put("applicationId", application.id()).put("state", state.toString())) {
                LOG.info("application not ready for the job yet");
            }
            throw new ApplicationNotReady(application.id(), state.toString(), startFirst ? "STARTED" : "CREATED");
        }
        return application.id();
    }

    private Found byId(String id) {
        Application application = emr.getApplication(id).orElseThrow(() -> new ApplicationNotFound(
                "No EMR Serverless application has id '" + id + "' in this account and region."));
        if (application.state() == ApplicationState.TERMINATED) {
            throw new ApplicationNotFound("EMR Serverless application '" + id + "' is TERMINATED; use a live application.");
        }
        return new Found(id, application.state());
    }

    private Found byName(String name, ObjectNode create) {
        List<ApplicationSummary> matches = emr.listLiveApplications().stream()
                .filter(application -> name.equals(application.name()))
                .toList();
        if (matches.size() == 1) {
            return new Found(matches.get(0).id(), matches.get(0).state());
        }
        if (matches.size() > 1) {
            throw new ApplicationNotFound(matches.size() + " EMR Serverless applications are named '" + name
                    + "' (" + matches.stream().map(ApplicationSummary::id).sorted().toList()
                    + "); name the one to use by application.id.");
        }
        if (create == null) {
            throw new ApplicationNotFound("No EMR Serverless application is named '" + name
                    + "'. Create it, or add application.create to the request on a deployment that allows creation.");
        }
        if (!allowCreate) {
            throw new ApplicationNotFound("No EMR Serverless application is named '" + name
                    + "', and this deployment does not allow creating applications (allowCreateApplication is off).");
        }
        String id = emr.createApplication(createRequest(name, create));
        try (var fields = CloseableThreadContext.put("applicationId", id).put("applicationName", name)) {
            LOG.info("created application");
        }
        // EMR creates asynchronously: a new application is CREATING until it is ready.
        return new Found(id, ApplicationState.CREATING);
    }

    private static CreateApplicationRequest createRequest(String name, JsonNode create) {
        CreateApplicationRequest.Builder request = CreateApplicationRequest.builder()
                .name(name)
                // Same name, same token: two executions racing to create it get one application.
                .clientToken(Hashes.sha256Hex(("create-application:" + name).getBytes(StandardCharsets.UTF_8)))
                .releaseLabel(create.path("releaseLabel").asText())
                .type(create.path("type").asText("SPARK"))
                .architecture(create.path("architecture").asText("X86_64"));
        if (create.hasNonNull("imageUri")) {
            request.imageConfiguration(ImageConfigurationInput.builder().imageUri(create.get("imageUri").asText()).build());
        }
        JsonNode maximum = create.path("maximumCapacity");
        if (maximum.isObject()) {
            request.maximumCapacity(MaximumAllowedResources.builder()
                    .cpu(maximum.path("cpu").asText())
                    .memory(maximum.path("memory").asText())
                    .disk(maximum.hasNonNull("disk") ? maximum.get("disk").asText() : null)
                    .build());
        }
        request.autoStopConfiguration(AutoStopConfig.builder()
                .enabled(true)
                .idleTimeoutMinutes(create.path("autoStopIdleMinutes").asInt(15))
                .build());
        return request.build();
    }
}
