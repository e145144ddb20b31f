package io.emrpipeline.infra.constructs;

import io.emrpipeline.infra.settings.ApplicationSettings;
import java.util.Objects;

/**
 * The EMR Serverless application to create. Built from the deployment's
 * {@link ApplicationSettings}, which already hold validated values and the documented defaults.
 */
public final class EmrApplicationProps {

    private final ApplicationSettings application;

    private EmrApplicationProps(Builder builder) {
        this.application = Objects.requireNonNull(builder.application, "application");
    }

    public static Builder builder() {
        return new Builder();
    }

    public ApplicationSettings application() {
        return application;
    }

    public static final class Builder {
        private ApplicationSettings application;

        /** Name, release label, architecture, image, initial and maximum capacity, auto start and stop. */
        public Builder application(ApplicationSettings value) {
            this.application = value;
            return this;
        }

        public EmrApplicationProps build() {
            return new EmrApplicationProps(this);
        }
    }
}
