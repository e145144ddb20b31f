package io.emrpipeline.local.iam;

import com.fasterxml.jackson.databind.JsonNode;
import io.emrpipeline.local.http.GatewayRequest;
import io.emrpipeline.local.http.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The IAM authorization of an EMR Serverless REST request. Resource ARNs follow the service
 * authorization reference: {@code arn:aws:emr-serverless:<region>:<account>:/applications/<id>}
 * and {@code …/applications/<id>/jobruns/<jobRunId>}; ListApplications and CreateApplication
 * take no resource ({@code *}). StartJobRun also passes its execution role (iam:PassRole, with
 * {@code iam:PassedToService}), and tags given at creation need emr-serverless:TagResource on the
 * new resource, whose id the call assigns: {@code …/jobruns/*}.
 */
final class EmrServerlessPermissions {

    private record Route(String method, String template, String action) {}

    private static final List<Route> ROUTES = List.of(
            new Route("GET", "/applications", "ListApplications"),
            new Route("POST", "/applications", "CreateApplication"),
            new Route("GET", "/applications/{app}", "GetApplication"),
            new Route("PATCH", "/applications/{app}", "UpdateApplication"),
            new Route("DELETE", "/applications/{app}", "DeleteApplication"),
            new Route("POST", "/applications/{app}/start", "StartApplication"),
            new Route("POST", "/applications/{app}/stop", "StopApplication"),
            new Route("POST", "/applications/{app}/jobruns", "StartJobRun"),
            new Route("GET", "/applications/{app}/jobruns", "ListJobRuns"),
            new Route("GET", "/applications/{app}/jobruns/{run}", "GetJobRun"),
            new Route("DELETE", "/applications/{app}/jobruns/{run}", "CancelJobRun"),
            new Route("GET", "/applications/{app}/jobruns/{run}/dashboard", "GetDashboardForJobRun"),
            new Route("POST", "/tags/{arn}", "TagResource"),
            new Route("DELETE", "/tags/{arn}", "UntagResource"),
            new Route("GET", "/tags/{arn}", "ListTagsForResource"));

    private final String accountId;

    EmrServerlessPermissions(String accountId) {
        this.accountId = accountId;
    }

    List<IamRequest> of(GatewayRequest request, String description) {
        String[] segments = request.rawPath().substring(1).split("/");
        for (Route route : ROUTES) {
            String[] template = route.template().substring(1).split("/");
            if (route.method().equals(request.method()) && template.length == segments.length && matches(template, segments)) {
                return permissions(route.action(), resource(template, segments, request.region()), request);
            }
        }
        return List.of(IamRequest.unmapped(description));
    }

    private List<IamRequest> permissions(String action, String resource, GatewayRequest request) {
        List<IamRequest> needed = new ArrayList<>();
        needed.add(IamRequest.of("emr-serverless:" + action, resource));
        if (action.equals("StartJobRun") || action.equals("CreateApplication")) {
            JsonNode body = Json.parse(request.body());
            String role = Json.text(body, "executionRoleArn");
            if (action.equals("StartJobRun") && role != null) {
                needed.add(new IamRequest("iam:PassRole", role, Map.of("iam:PassedToService", "emr-serverless.amazonaws.com")));
            }
            if (body.path("tags").size() > 0) {
                String created = action.equals("StartJobRun") ? resource + "/jobruns/*"
                        : applicationArn(request.region(), "*");
                needed.add(IamRequest.of("emr-serverless:TagResource", created));
            }
        }
        return needed;
    }

    private static boolean matches(String[] template, String[] segments) {
        for (int i = 0; i < template.length; i++) {
            if (!template[i].startsWith("{") && !template[i].equals(segments[i])) {
                return false;
            }
        }
        return true;
    }

    private String resource(String[] template, String[] segments, String region) {
        String application = null;
        for (int i = 0; i < template.length; i++) {
            String value = RequiredPermissions.decodePath(segments[i]);
            switch (template[i]) {
                case "{arn}" -> {
                    return value;
                }
                case "{app}" -> application = applicationArn(region, value);
                case "{run}" -> {
                    return application + "/jobruns/" + value;
                }
                default -> { }
            }
        }
        return application == null ? "*" : application;
    }

    private String applicationArn(String region, String applicationId) {
        return "arn:aws:emr-serverless:" + region + ":" + accountId + ":/applications/" + applicationId;
    }
}
