package io.emrpipeline.local.iam;

import io.emrpipeline.local.http.GatewayRequest;
import java.util.List;
import java.util.Set;

/**
 * The IAM authorization of a path-style S3 request ({@code /bucket/key}, as every local client
 * sends them), for the operations the functions use: HeadObject and GetObject need
 * {@code s3:GetObject}, PutObject {@code s3:PutObject}, DeleteObject {@code s3:DeleteObject}, all on
 * {@code arn:aws:s3:::bucket/key}; listing a bucket needs {@code s3:ListBucket} on the bucket.
 * A sub-resource (tagging, ACL, versions, multipart, copy) is another action: left unmapped.
 */
final class S3Permissions {

    /** Query parameters that do not change which action an object request needs. */
    private static final Set<String> OBJECT_PARAMETERS = Set.of("x-id", "partNumber", "response-content-type",
            "response-content-disposition", "response-content-encoding", "response-content-language",
            "response-cache-control", "response-expires");
    private static final Set<String> LIST_PARAMETERS = Set.of("x-id", "list-type", "prefix", "delimiter", "max-keys",
            "continuation-token", "start-after", "fetch-owner", "encoding-type", "marker");

    private S3Permissions() {}

    static List<IamRequest> of(GatewayRequest request, String description) {
        String path = request.rawPath();
        int slash = path.indexOf('/', 1);
        String bucket = RequiredPermissions.decodePath(slash < 0 ? path.substring(1) : path.substring(1, slash));
        String key = slash < 0 ? "" : RequiredPermissions.decodePath(path.substring(slash + 1));
        boolean copy = request.headers().containsKey("x-amz-copy-source");
        if (bucket.isEmpty() || copy) {
            return List.of(IamRequest.unmapped(description));
        }
        if (key.isEmpty()) {
            return bucketRequest(request, bucket, description);
        }
        if (!onlyParameters(request, OBJECT_PARAMETERS)) {
            return List.of(IamRequest.unmapped(description));
        }
        String object = "arn:aws:s3:::" + bucket + "/" + key;
        return switch (request.method()) {
            case "GET", "HEAD" -> List.of(IamRequest.of("s3:GetObject", object));
            case "PUT" -> List.of(IamRequest.of("s3:PutObject", object));
            case "DELETE" -> List.of(IamRequest.of("s3:DeleteObject", object));
            default -> List.of(IamRequest.unmapped(description));
        };
    }

    private static List<IamRequest> bucketRequest(GatewayRequest request, String bucket, String description) {
        String arn = "arn:aws:s3:::" + bucket;
        boolean listing = onlyParameters(request, LIST_PARAMETERS);
        return switch (request.method()) {
            // HeadBucket is authorized as ListBucket.
            case "GET", "HEAD" -> listing ? List.of(IamRequest.of("s3:ListBucket", arn)) : List.of(IamRequest.unmapped(description));
            case "PUT" -> request.rawQuery() == null || request.rawQuery().isEmpty()
                    ? List.of(IamRequest.of("s3:CreateBucket", arn)) : List.of(IamRequest.unmapped(description));
            default -> List.of(IamRequest.unmapped(description));
        };
    }

    private static boolean onlyParameters(GatewayRequest request, Set<String> allowed) {
        String query = request.rawQuery();
        if (query == null || query.isEmpty()) {
            return true;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (!allowed.contains(GatewayRequest.decode(eq < 0 ? pair : pair.substring(0, eq)))) {
                return false;
            }
        }
        return true;
    }
}
