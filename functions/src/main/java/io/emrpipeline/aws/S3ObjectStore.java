package io.emrpipeline.aws;

import io.emrpipeline.core.ObjectStore;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/** {@link ObjectStore} on the job bucket. */
public final class S3ObjectStore implements ObjectStore {

    private final S3Client s3;
    private final String bucket;

    public S3ObjectStore(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    @Override
    public boolean exists(String key) {
        try {
            s3.headObject(r -> r.bucket(bucket).key(key));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw AwsErrors.translate("HeadObject", e);
        } catch (SdkException e) {
            throw AwsErrors.translate("HeadObject", e);
        }
    }

    @Override
    public void put(String key, byte[] content, String contentType) {
        try {
            s3.putObject(r -> r.bucket(bucket).key(key).contentType(contentType), RequestBody.fromBytes(content));
        } catch (SdkException e) {
            throw AwsErrors.translate("PutObject", e);
        }
    }

    @Override
    public Optional<byte[]> get(String key) {
        try {
            return Optional.of(s3.getObjectAsBytes(r -> r.bucket(bucket).key(key)).asByteArray());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw AwsErrors.translate("GetObject", e);
        }
    }

    @Override
    public Optional<Versioned> getVersioned(String key) {
        try {
            var object = s3.getObjectAsBytes(r -> r.bucket(bucket).key(key));
            return Optional.of(new Versioned(object.asByteArray(), object.response().eTag()));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw AwsErrors.translate("GetObject", e);
        }
    }

    @Override
    public Optional<String> putIfAbsent(String key, byte[] content, String contentType) {
        return conditionalPut(r -> r.bucket(bucket).key(key).contentType(contentType).ifNoneMatch("*"), content);
    }

    @Override
    public Optional<String> putIfUnchanged(String key, byte[] content, String contentType, String etag) {
        return conditionalPut(r -> r.bucket(bucket).key(key).contentType(contentType).ifMatch(etag), content);
    }

    /** 412: the condition failed; 409: a concurrent conditional write to the key won; 404: gone (If-Match). */
    private Optional<String> conditionalPut(Consumer<PutObjectRequest.Builder> request, byte[] content) {
        try {
            return Optional.of(s3.putObject(request, RequestBody.fromBytes(content)).eTag());
        } catch (S3Exception e) {
            if (e.statusCode() == 412 || e.statusCode() == 409 || e.statusCode() == 404) {
                return Optional.empty();
            }
            throw AwsErrors.translate("PutObject", e);
        } catch (SdkException e) {
            throw AwsErrors.translate("PutObject", e);
        }
    }

    @Override
    public List<String> list(String prefix) {
        try {
            return s3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(prefix)).contents().stream()
                    .map(S3Object::key).toList();
        } catch (SdkException e) {
            throw AwsErrors.translate("ListObjectsV2", e);
        }
    }

    @Override
    public void delete(String key) {
        try {
            s3.deleteObject(r -> r.bucket(bucket).key(key));
        } catch (SdkException e) {
            throw AwsErrors.translate("DeleteObject", e);
        }
    }

    @Override
    public String bucket() {
        return bucket;
    }
}
