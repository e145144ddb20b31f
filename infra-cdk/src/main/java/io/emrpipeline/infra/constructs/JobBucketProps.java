package io.emrpipeline.infra.constructs;

import java.util.Objects;
import java.util.Optional;

/** How {@link JobBucket} gets its bucket and how long objects under each prefix live. */
public final class JobBucketProps {

    private final Optional<String> existingBucketName;
    private final int runRecordExpirationDays;
    private final int callbackExpirationDays;
    private final int logExpirationDays;

    private JobBucketProps(Builder builder) {
        this.existingBucketName = Objects.requireNonNull(builder.existingBucketName);
        this.runRecordExpirationDays = builder.runRecordExpirationDays;
        this.callbackExpirationDays = builder.callbackExpirationDays;
        this.logExpirationDays = builder.logExpirationDays;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Optional<String> existingBucketName() {
        return existingBucketName;
    }

    public int runRecordExpirationDays() {
        return runRecordExpirationDays;
    }

    public int callbackExpirationDays() {
        return callbackExpirationDays;
    }

    /** 0 keeps logs/ objects. */
    public int logExpirationDays() {
        return logExpirationDays;
    }

    public static final class Builder {
        private Optional<String> existingBucketName = Optional.empty();
        private int runRecordExpirationDays = 90;
        private int callbackExpirationDays = 14;
        private int logExpirationDays = 90;

        /** Import this bucket instead of creating one (its settings are then the owner's business). */
        public Builder existingBucketName(Optional<String> name) {
            this.existingBucketName = name;
            return this;
        }

        public Builder runRecordExpirationDays(int days) {
            this.runRecordExpirationDays = days;
            return this;
        }

        public Builder callbackExpirationDays(int days) {
            this.callbackExpirationDays = days;
            return this;
        }

        public Builder logExpirationDays(int days) {
            this.logExpirationDays = days;
            return this;
        }

        public JobBucketProps build() {
            return new JobBucketProps(this);
        }
    }
}
