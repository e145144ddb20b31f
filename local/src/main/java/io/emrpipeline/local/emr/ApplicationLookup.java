package io.emrpipeline.local.emr;

import java.util.Optional;

/** Finds the EMR Serverless application a job run belongs to (moto keeps applications). */
public interface ApplicationLookup {

    Optional<Application> find(String region, String applicationId);

    /** A job run was accepted on the application (EMR starts an application that is not started). */
    default void jobSubmitted(String applicationId) {
    }

    /** What the job-run model needs to know of an application. */
    record Application(String applicationId, String releaseLabel, String state) {}
}
