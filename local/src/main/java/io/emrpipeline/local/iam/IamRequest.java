package io.emrpipeline.local.iam;

import java.util.Map;

/**
 * One authorization an AWS request needs: the IAM action, the resource ARN it is evaluated
 * against, and the request's condition keys that policies may test (such as
 * {@code iam:PassedToService}). A request the gateway cannot map is kept as {@link #unmapped},
 * so a function calling an API nobody mapped fails the IAM check instead of passing unseen.
 */
public record IamRequest(String action, String resource, Map<String, String> context) {

    public static final String UNMAPPED = "unmapped";

    public IamRequest {
        context = Map.copyOf(context);
    }

    public static IamRequest of(String action, String resource) {
        return new IamRequest(action, resource, Map.of());
    }

    /** A request no mapping covers; {@code description} says what it was (method, path, target). */
    public static IamRequest unmapped(String description) {
        return new IamRequest(UNMAPPED, description, Map.of());
    }

    public boolean mapped() {
        return !UNMAPPED.equals(action);
    }

    @Override
    public String toString() {
        return action + " on " + resource + (context.isEmpty() ? "" : " " + context);
    }
}
