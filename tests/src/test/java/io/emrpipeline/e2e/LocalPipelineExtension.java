package io.emrpipeline.e2e;

import io.emrpipeline.local.LocalPipeline;
import io.emrpipeline.local.SharedLocalPipeline;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts the local pipeline once per test JVM (moto takes seconds to start), stops it when the
 * JVM's tests are done, and resets it before every test so no test sees another's jobs.
 */
public final class LocalPipelineExtension implements BeforeEachCallback, ParameterResolver {

    private static LocalPipeline pipeline() {
        return SharedLocalPipeline.get();
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        pipeline().reset();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LocalPipeline.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return pipeline();
    }
}
