package io.emrpipeline.infra.constructs;

import io.emrpipeline.infra.settings.ApplicationSettings;
import io.emrpipeline.infra.settings.ApplicationSettings.WorkerSize;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awscdk.services.emrserverless.CfnApplication;
import software.amazon.awscdk.services.emrserverless.CfnApplication.AutoStartConfigurationProperty;
import software.amazon.awscdk.services.emrserverless.CfnApplication.AutoStopConfigurationProperty;
import software.amazon.awscdk.services.emrserverless.CfnApplication.ImageConfigurationInputProperty;
import software.amazon.awscdk.services.emrserverless.CfnApplication.InitialCapacityConfigKeyValuePairProperty;
import software.amazon.awscdk.services.emrserverless.CfnApplication.InitialCapacityConfigProperty;
import software.amazon.awscdk.services.emrserverless.CfnApplication.MaximumAllowedResourcesProperty;
import software.amazon.awscdk.services.emrserverless.CfnApplication.WorkerConfigurationProperty;
import software.constructs.Construct;

/**
 * An EMR Serverless Spark application for the pipeline's jobs. With no initial capacity (the
 * default) it costs nothing while idle; auto-start and auto-stop keep it that way.
 */
public final class EmrApplication extends Construct {

    private final CfnApplication application;

    public EmrApplication(Construct scope, String id, EmrApplicationProps props) {
        super(scope, id);
        ApplicationSettings settings = props.application();
        CfnApplication.Builder builder = CfnApplication.Builder.create(this, "Application")
                .name(settings.name())
                .type("SPARK")
                .releaseLabel(settings.releaseLabel())
                .architecture(settings.architecture())
                .maximumCapacity(MaximumAllowedResourcesProperty.builder()
                        .cpu(settings.maximum().cpu())
                        .memory(settings.maximum().memory())
                        .disk(settings.maximum().disk())
                        .build())
                .autoStartConfiguration(AutoStartConfigurationProperty.builder().enabled(settings.autoStart()).build())
                .autoStopConfiguration(AutoStopConfigurationProperty.builder()
                        .enabled(true)
                        .idleTimeoutMinutes(settings.autoStopIdleMinutes())
                        .build());
        settings.imageUri().ifPresent(uri ->
                builder.imageConfiguration(ImageConfigurationInputProperty.builder().imageUri(uri).build()));
        List<InitialCapacityConfigKeyValuePairProperty> initial = new ArrayList<>();
        if (settings.initialDriverWorkers() > 0) {
            initial.add(initialCapacity("Driver", settings.initialDriverWorkers(), settings.worker()));
        }
        if (settings.initialExecutorWorkers() > 0) {
            initial.add(initialCapacity("Executor", settings.initialExecutorWorkers(), settings.worker()));
        }
        if (!initial.isEmpty()) {
            builder.initialCapacity(initial);
        }
        this.application = builder.build();
    }

    public String applicationId() {
        return application.getAttrApplicationId();
    }

    public String applicationArn() {
        return application.getAttrArn();
    }

    private static InitialCapacityConfigKeyValuePairProperty initialCapacity(String workerType, int count, WorkerSize size) {
        return InitialCapacityConfigKeyValuePairProperty.builder()
                .key(workerType)
                .value(InitialCapacityConfigProperty.builder()
                        .workerCount(count)
                        .workerConfiguration(WorkerConfigurationProperty.builder()
                                .cpu(size.cpu()).memory(size.memory()).disk(size.disk()).build())
                        .build())
                .build();
    }
}
