package io.emrpipeline.local.lambda;

/**
 * Lambda accepts a function as a bare name, a name with a {@code :qualifier}, a partial ARN
 * ({@code 123456789012:function:Name}) or a full ARN; the gateway keys functions by bare name.
 */
public final class FunctionNames {

    private FunctionNames() {}

    public static String bareName(String nameOrArn) {
        String[] parts = nameOrArn.split(":");
        if (parts.length >= 7 && parts[0].equals("arn")) {
            return parts[6];
        }
        if (parts.length >= 3 && parts[1].equals("function")) {
            return parts[2];
        }
        return parts[0];
    }

    /** The ARN Lambda names in its answers: the caller's ARN as given, else one built from the name. */
    public static String arnOf(String nameOrArn, String region, String accountId) {
        return nameOrArn.startsWith("arn:") ? nameOrArn : arn(region, accountId, bareName(nameOrArn));
    }

    public static String arn(String region, String accountId, String name) {
        return "arn:aws:lambda:" + region + ":" + accountId + ":function:" + name;
    }
}
