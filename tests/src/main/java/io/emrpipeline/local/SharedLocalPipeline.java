package io.emrpipeline.local;

import java.io.IOException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One local pipeline per test JVM for the JUnit extensions of every module: started on first
 * use (moto takes seconds to start) and stopped when JUnit closes the root context.
 */
public final class SharedLocalPipeline {

    private record Running(LocalPipeline pipeline) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            pipeline.close();
        }
    }

    private SharedLocalPipeline() {}

    public static LocalPipeline in(ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Running.class, key -> start(), Running.class)
                .pipeline();
    }

    private static Running start() {
        try {
            return new Running(LocalPipeline.start(LocalPipeline.repoRoot()));
        } catch (IOException e) {
            throw new IllegalStateException("could not start the local pipeline: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the local pipeline", e);
        }
    }
}
