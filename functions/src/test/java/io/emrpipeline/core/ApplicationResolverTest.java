package io.emrpipeline.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.emrpipeline.errors.ApplicationNotFound;
import io.emrpipeline.errors.ApplicationNotReady;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.emrserverless.model.Application;
import software.amazon.awssdk.services.emrserverless.model.ApplicationState;
import software.amazon.awssdk.services.emrserverless.model.ApplicationSummary;
import software.amazon.awssdk.services.emrserverless.model.CreateApplicationRequest;
import software.amazon.awssdk.services.emrserverless.model.JobRun;
import software.amazon.awssdk.services.emrserverless.model.JobRunSummary;
import software.amazon.awssdk.services.emrserverless.model.StartJobRunRequest;
import software.amazon.awssdk.services.emrserverless.model.StartJobRunResponse;

/** Resolution rules; the account is a list in this pure-logic test (the ITs use the emulator). */
class ApplicationResolverTest {

    static final class Account implements EmrServerlessApi {
        final List<ApplicationSummary> applications = new ArrayList<>();
        final List<CreateApplicationRequest> created = new ArrayList<>();
        final List<String> started = new ArrayList<>();

        Account with(String id, String name, ApplicationState state) {
            applications.add(ApplicationSummary.builder().id(id).name(name).state(state).build());
            return this;
        }

        @Override public Optional<Application> getApplication(String id) {
            return applications.stream().filter(a -> a.id().equals(id)).findFirst()
                    .map(a -> Application.builder().applicationId(a.id()).name(a.name()).state(a.state()).build());
        }
        @Override public List<ApplicationSummary> listLiveApplications() {
            return applications.stream().filter(a -> a.state() != ApplicationState.TERMINATED).toList();
        }
        @Override public String createApplication(CreateApplicationRequest request) {
            created.add(request);
            return "created1";
        }
        @Override public void startApplication(String applicationId) {
            started.add(applicationId);
        }
        @Override public StartJobRunResponse startJobRun(StartJobRunRequest request) { throw new UnsupportedOperationException(); }
        @Override public JobRun getJobRun(String applicationId, String jobRunId) { throw new UnsupportedOperationException(); }
        @Override public boolean cancelJobRun(String applicationId, String jobRunId) { throw new UnsupportedOperationException(); }
        @Override public List<JobRunSummary> listActiveJobRuns(String applicationId) { throw new UnsupportedOperationException(); }
    }

    private static final ObjectNode CREATE = Json.object().put("releaseLabel", "emr-7.5.0");

    @Test
    void findsByIdAndRefusesATerminatedOne() {
        Account account = new Account().with("app1", "analytics", ApplicationState.STARTED)
                .with("old1", "analytics", ApplicationState.TERMINATED);
        ApplicationResolver resolver = new ApplicationResolver(account, false);

        assertEquals("app1", resolver.resolve(new JobRequest.ApplicationRef("app1", null, null)));
        assertTrue(assertThrows(ApplicationNotFound.class,
                () -> resolver.resolve(new JobRequest.ApplicationRef("old1", null, null))).getMessage().contains("TERMINATED"));
    }

    @Test
    void findsByNameIgnoringTerminatedOnesAndRefusesAnAmbiguousName() {
        Account account = new Account().with("app1", "analytics", ApplicationState.STOPPED)
                .with("old1", "analytics", ApplicationState.TERMINATED)
                .with("a", "twin", ApplicationState.STARTED).with("b", "twin", ApplicationState.CREATED);
        ApplicationResolver resolver = new ApplicationResolver(account, true);

        assertEquals("app1", resolver.resolve(new JobRequest.ApplicationRef(null, "analytics", null)));
        String ambiguous = assertThrows(ApplicationNotFound.class,
                () -> resolver.resolve(new JobRequest.ApplicationRef(null, "twin", null))).getMessage();
        assertTrue(ambiguous.contains("2 EMR Serverless applications are named 'twin' ([a, b])"), ambiguous);
    }

    @Test
    void createsOnlyWhenAskedAndAllowed() {
        Account account = new Account();

        String notAsked = assertThrows(ApplicationNotFound.class, () -> new ApplicationResolver(account, true)
                .resolve(new JobRequest.ApplicationRef(null, "nightly", null))).getMessage();
        String notAllowed = assertThrows(ApplicationNotFound.class, () -> new ApplicationResolver(account, false)
                .resolve(new JobRequest.ApplicationRef(null, "nightly", CREATE))).getMessage();
        String creating = assertThrows(ApplicationNotReady.class, () -> new ApplicationResolver(account, true)
                .resolve(new JobRequest.ApplicationRef(null, "nightly", CREATE))).getMessage();

        assertTrue(notAsked.contains("add application.create"), notAsked);
        assertTrue(notAllowed.contains("does not allow creating applications"), notAllowed);
        assertTrue(creating.contains("created1 is CREATING"), "EMR creates asynchronously: the submit waits: " + creating);
        assertEquals(1, account.created.size());
        assertEquals("emr-7.5.0", account.created.get(0).releaseLabel());
        assertEquals(64, account.created.get(0).clientToken().length(), "same name, same token: racing creators get one application");
    }

    @Test
    void anApplicationStillBeingCreatedOrStoppingIsNotReadyYet() {
        Account account = new Account().with("new1", "fresh", ApplicationState.CREATING)
                .with("stop1", "stopping", ApplicationState.STOPPING).with("ok1", "created", ApplicationState.CREATED);
        ApplicationResolver resolver = new ApplicationResolver(account, false);

        assertThrows(ApplicationNotReady.class, () -> resolver.resolve(new JobRequest.ApplicationRef("new1", null, null)));
        assertThrows(ApplicationNotReady.class, () -> resolver.resolve(new JobRequest.ApplicationRef(null, "stopping", null)));
        assertEquals("ok1", resolver.resolve(new JobRequest.ApplicationRef("ok1", null, null)), "EMR starts a CREATED one itself");
        assertEquals(List.of(), account.started);
    }

    @Test
    void askedToStartFirstItStartsACreatedApplicationAndWaitsUntilStarted() {
        Account account = new Account().with("ok1", "created", ApplicationState.CREATED)
                .with("up1", "up", ApplicationState.STARTED).with("warm1", "warming", ApplicationState.STARTING);
        ApplicationResolver resolver = new ApplicationResolver(account, false);

        String message = assertThrows(ApplicationNotReady.class,
                () -> resolver.resolve(new JobRequest.ApplicationRef("ok1", null, null, true))).getMessage();
        assertThrows(ApplicationNotReady.class, () -> resolver.resolve(new JobRequest.ApplicationRef("warm1", null, null, true)));
        assertEquals("up1", resolver.resolve(new JobRequest.ApplicationRef("up1", null, null, true)));

        assertEquals(List.of("ok1"), account.started, "started once, and only the one not starting yet");
        assertTrue(message.contains("until it is STARTED"), message);
    }
}
