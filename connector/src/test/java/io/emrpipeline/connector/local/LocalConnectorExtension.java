package io.emrpipeline.connector.local;

import io.emrpipeline.local.LocalPipeline;
import io.emrpipeline.local.SharedLocalPipeline;
import java.time.Duration;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts the local pipeline once per test JVM (moto takes seconds), resets it before every test,
 * and gives each test a fresh connector over it.
 */
public final class LocalConnectorExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LocalConnectorExtension.class);

    static LocalPipeline pipeline(ExtensionContext context) {
        return SharedLocalPipeline.get();
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        LocalPipeline pipeline = pipeline(context);
        pipeline.reset();
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
