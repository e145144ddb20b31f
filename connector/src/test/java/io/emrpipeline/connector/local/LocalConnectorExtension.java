package io.emrpipeline.connector.local;

import io.emrpipeline.local.LocalPipeline;
import java.time.Duration;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts the local pipeline once per test JVM (moto takes seconds), resets it before every test,
 * and gives each test a fresh connector over it. The heartbeat is short because moto reports an
 * execution ABORTED only once its callback wait wakes up.
 */
public final class LocalConnectorExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {

    public static final int HEARTBEAT_SECONDS = 3;

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LocalConnectorExtension.class);

    private record Running(LocalPipeline pipeline) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            pipeline.close();
        }
    }

    static LocalPipeline pipeline(ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Running.class, key -> {
                    try {
                        return new Running(LocalPipeline.start(LocalPipeline.repoRoot()));
                    } catch (Exception e) {
                        throw new IllegalStateException("could not start the local pipeline: " + e.getMessage(), e);
                    }
                }, Running.class)
                .pipeline();
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        LocalPipeline pipeline = pipeline(context);
        pipeline.reset(HEARTBEAT_SECONDS);
        // Max age 0: every GetTask reads, so tests see each change and can count reads exactly.
        context.getStore(NAMESPACE).put(LocalConnector.class, LocalConnector.start(pipeline, Duration.ZERO));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        LocalConnector connector = context.getStore(NAMESPACE).remove(LocalConnector.class, LocalConnector.class);
        if (connector != null) {
            connector.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == LocalPipeline.class || type == LocalConnector.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        if (parameter.getParameter().getType() == LocalPipeline.class) {
            return pipeline(context);
        }
        return context.getStore(NAMESPACE).get(LocalConnector.class, LocalConnector.class);
    }
}
