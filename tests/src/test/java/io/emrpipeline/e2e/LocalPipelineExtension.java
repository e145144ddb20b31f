package io.emrpipeline.e2e;

import io.emrpipeline.local.LocalPipeline;
import io.emrpipeline.local.SharedLocalPipeline;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts the local pipeline once per test JVM (moto takes seconds to start), stops it when the
 * JVM's tests are done, and resets it before every test so no test sees another's jobs.
 * Annotate a test with {@link Heartbeat} to deploy the state machine with another heartbeat.
 */
public final class LocalPipelineExtension implements BeforeEachCallback, ParameterResolver {

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    public @interface Heartbeat {
        int seconds();
    }

    private static LocalPipeline pipeline(ExtensionContext context) {
        return SharedLocalPipeline.get();
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        int heartbeat = context.getTestMethod()
                .map(method -> method.getAnnotation(Heartbeat.class))
                .map(Heartbeat::seconds)
                .orElse(LocalPipeline.DEFAULT_HEARTBEAT_SECONDS);
        pipeline(context).reset(heartbeat);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LocalPipeline.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return pipeline(context);
    }
}
