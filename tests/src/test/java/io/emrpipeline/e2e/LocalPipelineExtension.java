package io.emrpipeline.e2e;

import io.emrpipeline.e2e.iam.IamCheck;
import io.emrpipeline.local.LocalPipeline;
import io.emrpipeline.local.SharedLocalPipeline;
import java.time.Duration;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts the local pipeline once per test JVM (moto takes seconds to start), stops it when the
 * JVM's tests are done, and resets it before every test so no test sees another's jobs.
 * After each test class, every AWS call its functions made must be allowed by their own IAM
 * policies from the synthesized template ({@link IamCheck}): a call a policy would deny fails the class.
 */
public final class LocalPipelineExtension implements BeforeEachCallback, AfterAllCallback, ParameterResolver {

    private static LocalPipeline pipeline() {
        return SharedLocalPipeline.get();
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        pipeline().reset();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        LocalPipeline pipeline = pipeline();
        // Deliveries still in flight make calls too: count them with this class.
        pipeline.gateway().events().awaitQuiet(Duration.ofSeconds(30));
        IamCheck.Report report = IamCheck.evaluate(pipeline.gateway().calls().drain());
        System.out.printf("IAM check of %s: %d distinct calls evaluated in %d ms: %s%n", context.getDisplayName(),
                report.verdicts().size(), report.evaluation().toMillis(), report.functionActions());
        report.assertAllowed();
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
