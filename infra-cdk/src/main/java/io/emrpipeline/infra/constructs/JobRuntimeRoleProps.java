package io.emrpipeline.infra.constructs;

import java.util.List;
import java.util.Objects;

/** The job bucket the role's jobs use, and the extra S3 locations they may read or write. */
public final class JobRuntimeRoleProps {

    private final JobBucket jobBucket;
    private final List<String> readS3Uris;
    private final List<String> writeS3Uris;

    private JobRuntimeRoleProps(Builder builder) {
        this.jobBucket = Objects.requireNonNull(builder.jobBucket, "jobBucket");
        this.readS3Uris = List.copyOf(builder.readS3Uris);
        this.writeS3Uris = List.copyOf(builder.writeS3Uris);
    }

    public static Builder builder() {
        return new Builder();
    }

    public JobBucket jobBucket() { return jobBucket; }
    public List<String> readS3Uris() { return readS3Uris; }
    public List<String> writeS3Uris() { return writeS3Uris; }

    public static final class Builder {
        private JobBucket jobBucket;
        private List<String> readS3Uris = List.of();
        private List<String> writeS3Uris = List.of();

        public Builder jobBucket(JobBucket value) { this.jobBucket = value; return this; }
        /** {@code s3://bucket/prefix} locations jobs read: scripts, packages, input data. */
        public Builder readS3Uris(List<String> value) { this.readS3Uris = value; return this; }
        /** {@code s3://bucket/prefix} locations jobs write: output data. */
        public Builder writeS3Uris(List<String> value) { this.writeS3Uris = value; return this; }

        public JobRuntimeRoleProps build() {
            return new JobRuntimeRoleProps(this);
        }
    }
}
