package io.emrpipeline.infra.settings;

import java.util.List;
import java.util.Optional;

/**
 * The EMR Serverless side of a deployment: the application the stack may create, and which
 * applications the pipeline may run jobs on (this is what scopes its EMR permissions).
 *
 * @param create createApplication: the stack creates an application named {@code name}
 * @param existingIds applicationIds: existing applications requests may use
 * @param anyApplication anyApplication: jobs may run on any application of the account and region
 * @param allowCreateAtRuntime allowCreateApplication: a request may create an application
 * @param resolveByName resolveApplicationsByName: requests may name an application instead of its id
 */
public record ApplicationSettings(
        boolean create,
        String name,
        String releaseLabel,
        String architecture,
        Optional<String> imageUri,
        int initialDriverWorkers,
        int initialExecutorWorkers,
        WorkerSize worker,
        WorkerSize maximum,
        boolean autoStart,
        int autoStopIdleMinutes,
        List<String> existingIds,
        boolean anyApplication,
        boolean allowCreateAtRuntime,
        boolean resolveByName) {

    /** EMR Serverless resource strings such as "4 vCPU", "16 GB", "20 GB". */
    public record WorkerSize(String cpu, String memory, String disk) {}

    /** True when application ids cannot be known at deploy time, so EMR permissions cover every application. */
    public boolean scopesToAllApplications() {
        return anyApplication || allowCreateAtRuntime;
    }
}
