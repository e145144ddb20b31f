package io.emrpipeline.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.emrpipeline.local.emr.JobPlan;
import io.emrpipeline.local.emr.JobRunOperation;
import io.emrpipeline.local.events.PublishedEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.emrserverless.EmrServerlessClient;
import software.amazon.awssdk.services.emrserverless.model.JobRun;
import software.amazon.awssdk.services.emrserverless.model.JobRunState;
import software.amazon.awssdk.services.emrserverless.model.ResourceNotFoundException;
import software.amazon.awssdk.services.emrserverless.model.StartJobRunRequest;
import software.amazon.awssdk.services.emrserverless.model.ValidationException;

/** EMR Serverless through the gateway with the real SDK: applications in moto, job runs in the model. */
class EmrServerlessGatewayIT {

    private static final String JOB_EVENTS = """
            {"source": ["aws.emr-serverless"], "detail-type": ["EMR Serverless Job Run State Change"]}""";

    private static LocalAws aws;
    private static EmrServerlessClient emr;
    private String applicationId;

    @BeforeAll
    static void start() throws Exception {
        aws = LocalAwsFixture.start();
        emr = LocalAwsFixture.client(EmrServerlessClient.builder(), aws.endpoint());
        aws.gateway().lambdas().registerInProcess("JobStateChange", (in, out, context) -> in.transferTo(out));
        aws.gateway().events().addRule("job-state", JOB_EVENTS, "JobStateChange");
    }

    @AfterAll
    static void stop() {
        emr.close();
        aws.close();
    }

    @BeforeEach
    void freshApplication() throws Exception {
        aws.reset();
        applicationId = emr.createApplication(b -> b.name("app").releaseLabel("emr-7.5.0").type("SPARK")).applicationId();
        // An application that exists, idle, before each test: creation's own timeline is tested below.
        aws.gateway().applications().markCreated(applicationId);
    }

    @Test
    void aNewApplicationIsCreatingThenCreatedAndTakesJobsOnlyOnceCreated() throws Exception {
        // Long enough that the calls right after each step still see it on a busy machine.
        aws.gateway().applications().setTransitionTime(Duration.ofSeconds(5));
        String created = emr.createApplication(b -> b.name("new").releaseLabel("emr-7.5.0").type("SPARK")).applicationId();

        assertEquals("CREATING", emr.getApplication(b -> b.applicationId(created)).application().stateAsString());
        assertEquals("CREATING", emr.listApplications(b -> b.maxResults(50)).applications().stream()
                .filter(app -> app.id().equals(created)).findFirst().orElseThrow().stateAsString());
        assertThrows(ValidationException.class, () -> emr.startJobRun(job("early").applicationId(created).build()));
        Instant deadline = Instant.now().plusSeconds(30);
        while ("CREATING".equals(emr.getApplication(b -> b.applicationId(created)).application().stateAsString())
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertEquals("CREATED", emr.getApplication(b -> b.applicationId(created)).application().stateAsString());
        emr.startApplication(b -> b.applicationId(created));
        assertEquals("STARTING", emr.getApplication(b -> b.applicationId(created)).application().stateAsString());
        emr.startJobRun(job("in-time").applicationId(created).build());
    }

    private StartJobRunRequest.Builder job(String clientToken) {
        return StartJobRunRequest.builder().applicationId(applicationId).clientToken(clientToken).name("nightly")
                .executionRoleArn("arn:aws:iam::123456789012:role/job")
                .jobDriver(d -> d.sparkSubmit(s -> s.entryPoint("s3://bucket/main.py").entryPointArguments("a")));
    }

    private JobRun awaitState(String jobRunId, JobRunState wanted) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(15);
        JobRun run = emr.getJobRun(b -> b.applicationId(applicationId).jobRunId(jobRunId)).jobRun();
        while (run.state() != wanted && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
            run = emr.getJobRun(b -> b.applicationId(applicationId).jobRunId(jobRunId)).jobRun();
        }
        return run;
    }

    private List<String> deliveredStates(String jobRunId) {
        return aws.gateway().lambdas().log().of("JobStateChange").stream()
                .map(i -> i.inputJson().path("detail"))
                .filter(d -> d.path("jobRunId").asText().equals(jobRunId))
                .map(d -> d.path("state").asText())
                .toList();
    }

    @Test
    void aJobRunGoesThroughTheRealLifecycleAndItsEventsReachTheRuleTarget() throws Exception {
        String id = emr.startJobRun(job("t1").build()).jobRunId();

        JobRun run = awaitState(id, JobRunState.SUCCESS);
        assertTrue(aws.gateway().events().awaitQuiet(Duration.ofSeconds(10)));

        assertEquals(JobRunState.SUCCESS, run.state());
        assertEquals("emr-7.5.0", run.releaseLabel());
        assertEquals("s3://bucket/main.py", run.jobDriver().sparkSubmit().entryPoint());
        assertNotNull(run.endedAt());
        assertTrue(run.billedResourceUtilization().vcpuHour() > 0);
        assertEquals(List.of("SUBMITTED", "PENDING", "SCHEDULED", "RUNNING", "SUCCESS"),
                aws.gateway().events().publishedEvents().stream().map(PublishedEvent::detail)
                        .map(d -> d.path("state").asText()).toList());
        assertEquals(5, deliveredStates(id).size());
    }

    @Test
    void aRetriedStartWithTheSameClientTokenReturnsTheSameRun() {
        String first = emr.startJobRun(job("exec-1").build()).jobRunId();
        String second = emr.startJobRun(job("exec-1").build()).jobRunId();

        assertEquals(first, second);
        assertEquals(1, emr.listJobRuns(b -> b.applicationId(applicationId)).jobRuns().size());
    }

    @Test
    void cancelEndsARunningJobAndASecondCancelIsRejected() throws Exception {
        aws.gateway().simulatedJobs().setDefaultPlan(JobPlan.runUntilCancelled());
        String id = emr.startJobRun(job("t1").build()).jobRunId();
        awaitState(id, JobRunState.RUNNING);

        emr.cancelJobRun(b -> b.applicationId(applicationId).jobRunId(id));

        assertEquals(JobRunState.CANCELLED, awaitState(id, JobRunState.CANCELLED).state());
        assertThrows(ValidationException.class, () -> emr.cancelJobRun(b -> b.applicationId(applicationId).jobRunId(id)));
        assertEquals(1, emr.listJobRuns(b -> b.applicationId(applicationId).statesWithStrings("CANCELLED"))
                .jobRuns().size());
    }

    @Test
    void anInstantJobHasDeliveredItsTerminalEventBeforeStartJobRunReturns() {
        aws.gateway().simulatedJobs().planNext(JobPlan.instantFailure("Job failed, ExitCode: 1"));

        String id = emr.startJobRun(job("t1").build()).jobRunId();

        assertEquals(List.of("SUBMITTED", "PENDING", "SCHEDULED", "RUNNING", "FAILED"), deliveredStates(id));
    }

    @Test
    void theSdkRetriesThrottledCallsAndGivesUpWhenThrottlingLasts() {
        aws.gateway().jobRuns().faults().throttleNext(JobRunOperation.START_JOB_RUN, 1);
        emr.startJobRun(job("t1").build());
        assertEquals(2, aws.gateway().jobRuns().faults().callCount(JobRunOperation.START_JOB_RUN));

        aws.gateway().jobRuns().faults().throttleNext(JobRunOperation.START_JOB_RUN, 100);
        var error = assertThrows(software.amazon.awssdk.services.emrserverless.model.EmrServerlessException.class,
                () -> emr.startJobRun(job("t2").build()));

        assertEquals(429, error.statusCode());
        assertTrue(error.isThrottlingException());
    }

    @Test
    void anUnknownApplicationIsResourceNotFoundAndStartsNothing() {
        var error = assertThrows(ResourceNotFoundException.class,
                () -> emr.startJobRun(job("t1").applicationId("00fdoesnotexist").build()));

        assertEquals(404, error.statusCode());
        assertTrue(aws.gateway().jobRuns().jobRuns().isEmpty());
    }

    @Test
    void aMissingExecutionRoleIsAValidationError() {
        assertThrows(ValidationException.class, () -> emr.startJobRun(job("t1").executionRoleArn(null).build()));
    }

    @Test
    void applicationApisAreServedByMoto() {
        var application = emr.getApplication(b -> b.applicationId(applicationId)).application();

        assertEquals("emr-7.5.0", application.releaseLabel());
        assertEquals(0, aws.gateway().jobRuns().faults().callCount(JobRunOperation.GET_JOB_RUN));
    }

    @Test
    void theDashboardUrlNamesTheRun() {
        String id = emr.startJobRun(job("t1").build()).jobRunId();

        String url = emr.getDashboardForJobRun(b -> b.applicationId(applicationId).jobRunId(id)).url();

        assertTrue(url.startsWith("https://") && url.contains(id));
    }
}
