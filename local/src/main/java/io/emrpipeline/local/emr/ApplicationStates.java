package io.emrpipeline.local.emr;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * EMR Serverless creates and starts applications asynchronously: CREATING, then CREATED; a
 * StartApplication (or the first job run, which starts it) goes STARTING, then STARTED. moto makes
 * every application STARTED at once, so this keeps each application's timeline and the gateway
 * rewrites moto's answers to match. An application nobody told this about reads as moto says.
 */
public final class ApplicationStates {

    /** How long a new application stays CREATING, and a started one STARTING, unless a test says otherwise. */
    public static final Duration DEFAULT_TRANSITION = Duration.ofSeconds(2);

    /** @param startingUntil null until the application is started */
    private record Timeline(Instant creatingUntil, Instant startingUntil) {}

    private final Map<String, Timeline> timelines = new ConcurrentHashMap<>();
    private volatile Duration transition = DEFAULT_TRANSITION;

    public void setTransitionTime(Duration time) {
        transition = time;
    }

    /** CreateApplication answered: CREATING for the transition time, then CREATED. */
    void created(String applicationId) {
        timelines.put(applicationId, new Timeline(Instant.now().plus(transition), null));
    }

    /** CREATED from now: an application that existed, idle, before the scenario began. */
    public void markCreated(String applicationId) {
        timelines.put(applicationId, new Timeline(Instant.MIN, null));
    }

    /** StartApplication answered: STARTING for the transition time, then STARTED. */
    void started(String applicationId) {
        timelines.computeIfPresent(applicationId, (id, timeline) -> timeline.startingUntil() != null ? timeline
                : new Timeline(timeline.creatingUntil(), Instant.now().plus(transition)));
    }

    /** A job run was accepted: EMR starts a CREATED or STOPPED application for it. */
    public void jobSubmitted(String applicationId) {
        timelines.computeIfPresent(applicationId, (id, timeline) -> timeline.startingUntil() != null ? timeline
                : new Timeline(timeline.creatingUntil(), Instant.now()));
    }

    /** The state EMR would show now, given the state moto keeps. */
    public String stateOf(String applicationId, String motoState) {
        Timeline timeline = timelines.get(applicationId);
        if (timeline == null || !"STARTED".equals(motoState)) {
            return motoState;
        }
        Instant now = Instant.now();
        if (now.isBefore(timeline.creatingUntil())) {
            return "CREATING";
        }
        if (timeline.startingUntil() == null) {
            return "CREATED";
        }
        return now.isBefore(timeline.startingUntil()) ? "STARTING" : "STARTED";
    }

    public void reset() {
        timelines.clear();
        transition = DEFAULT_TRANSITION;
    }
}
