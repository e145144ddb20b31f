package io.emrpipeline.local;

import io.emrpipeline.contract.RepositoryRoot;
import java.io.IOException;

/**
 * One local pipeline per JVM, for every test extension that needs one: started on first use
 * (moto takes seconds to start) and stopped when the JVM exits, so no moto outlives its tests.
 */
public final class SharedLocalPipeline {

    private static LocalPipeline pipeline;

    private SharedLocalPipeline() {}

    public static synchronized LocalPipeline get() {
        if (pipeline == null) {
            pipeline = start();
            LocalPipeline started = pipeline;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "stop-local-pipeline"));
        }
        return pipeline;
    }

    private static LocalPipeline start() {
        try {
            return LocalPipeline.start(RepositoryRoot.find());
        } catch (IOException e) {
            throw new IllegalStateException("could not start the local pipeline: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the local pipeline", e);
        }
    }
}
