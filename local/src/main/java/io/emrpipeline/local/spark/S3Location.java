package io.emrpipeline.local.spark;

/**
 * One {@code s3://bucket/key} a job refers to. A key that is empty or ends with {@code /} names a
 * prefix (a "directory"); any other key may be an object or a prefix, which only S3 can tell.
 */
public record S3Location(String bucket, String key) {

    public S3Location {
        for (String segment : key.split("/", -1)) {
            if (segment.equals("..") || segment.equals(".")) {
                // The key becomes a path under the run's work directory; it must not climb out of it.
                throw new IllegalArgumentException("s3://" + bucket + "/" + key
                        + " has a '" + segment + "' segment, which the local runner cannot map to a file");
            }
        }
    }

    /** Parses {@code s3://bucket/key} (also {@code s3a://}); the key may be empty. */
    public static S3Location parse(String uri) {
        String rest;
        if (uri.startsWith("s3://")) {
            rest = uri.substring("s3://".length());
        } else if (uri.startsWith("s3a://")) {
            rest = uri.substring("s3a://".length());
        } else {
            throw new IllegalArgumentException("not an s3:// URI: " + uri);
        }
        int slash = rest.indexOf('/');
        return slash < 0 ? new S3Location(rest, "") : new S3Location(rest.substring(0, slash), rest.substring(slash + 1));
    }

    public boolean namesPrefix() {
        return key.isEmpty() || key.endsWith("/");
    }

    /** The key as a prefix: what objects "under" this location start with. */
    public String prefix() {
        return namesPrefix() ? key : key + "/";
    }

    /** This location with {@code relative} appended to it as a prefix. */
    public S3Location child(String relative) {
        return new S3Location(bucket, prefix() + relative);
    }

    public String uri() {
        return "s3://" + bucket + "/" + key;
    }

    @Override
    public String toString() {
        return uri();
    }
}
