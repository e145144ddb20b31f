package io.emrpipeline.e2e;

import io.emrpipeline.contract.RepositoryRoot;
import io.emrpipeline.e2e.iam.IamCheck;
import io.emrpipeline.local.LocalPipeline;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * Scenarios that run real Spark: one pipeline with the spark-submit runner per test class (the
 * shared pipeline simulates jobs), reset before each test with the application the examples name,
 * and the class's AWS calls checked against the functions' policies at the end, as
 * {@link LocalPipelineExtension} does for the simulated scenarios.
 */
abstract class SparkPipelineScenarios {

    /** The application every example's request names; locally each test creates it. */
    static final String APPLICATION = "local-spark";

    static LocalPipeline pipeline;
    String applicationId;

    @BeforeAll
    static void startPipeline() throws Exception {
        pipeline = LocalPipeline.start(RepositoryRoot.find(), LocalPipeline.Runner.SPARK_SUBMIT);
    }

    @AfterAll
    static void stopPipeline() throws Exception {
        if (pipeline != null) {
            try {
                IamCheck.evaluate(pipeline.gateway().calls().drain()).assertAllowed();
            } finally {
                pipeline.close();
                pipeline = null;
            }
        }
    }

    @BeforeEach
    void freshPipeline() throws Exception {
        pipeline.reset();
        applicationId = pipeline.createApplication(APPLICATION);
    }
}
