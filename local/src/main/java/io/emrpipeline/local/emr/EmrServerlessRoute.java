package io.emrpipeline.local.emr;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.emrpipeline.local.http.GatewayRequest;
import io.emrpipeline.local.http.Json;
import io.emrpipeline.local.http.Replies;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The EMR Serverless job-run REST paths, served by the {@link JobRunModel}; every other
 * EMR Serverless path (the application APIs) goes on to moto. Requests are recognised by the
 * service in their SigV4 credential scope, as moto itself does, since the paths alone
 * ({@code /applications/…}) are not unique across AWS services.
 */
public final class EmrServerlessRoute {

    private static final Pattern JOB_RUNS = Pattern.compile("^/applications/([^/]+)/jobruns$");
    private static final Pattern JOB_RUN = Pattern.compile("^/applications/([^/]+)/jobruns/([^/]+)$");
    private static final Pattern DASHBOARD = Pattern.compile("^/applications/([^/]+)/jobruns/([^/]+)/dashboard$");

    private final JobRunModel model;

    public EmrServerlessRoute(JobRunModel model) {
        this.model = model;
    }

    public boolean handles(GatewayRequest request) {
        if (!"emr-serverless".equals(request.signingService())) {
            return false;
        }
        String path = request.rawPath();
        return JOB_RUNS.matcher(path).matches() || JOB_RUN.matcher(path).matches()
                || DASHBOARD.matcher(path).matches();
    }

    public void handle(GatewayRequest request, HttpExchange exchange) throws IOException {
        try {
            Replies.json(exchange, 200, dispatch(request));
        } catch (EmrApiException e) {
            Replies.restJsonError(exchange, e.httpStatus(), e.errorType(), e.getMessage());
        }
    }

    private ObjectNode dispatch(GatewayRequest request) {
        String method = request.method();
        String path = request.rawPath();
        Matcher m = JOB_RUNS.matcher(path);
        if (m.matches()) {
            String applicationId = GatewayRequest.decode(m.group(1));
            return switch (method) {
                case "POST" -> model.startJobRun(request.region(), applicationId, Json.parse(request.body()));
                case "GET" -> model.listJobRuns(applicationId, request.queryValues("states"),
                        integer(request.queryValue("maxResults")), request.queryValue("nextToken"));
                default -> throw unsupported(method, path);
            };
        }
        m = DASHBOARD.matcher(path);
        if (m.matches() && method.equals("GET")) {
            return model.getDashboardForJobRun(GatewayRequest.decode(m.group(1)), GatewayRequest.decode(m.group(2)));
        }
        m = JOB_RUN.matcher(path);
        if (m.matches()) {
            String applicationId = GatewayRequest.decode(m.group(1));
            String jobRunId = GatewayRequest.decode(m.group(2));
            return switch (method) {
                case "GET" -> model.getJobRun(applicationId, jobRunId);
                case "DELETE" -> model.cancelJobRun(applicationId, jobRunId);
                default -> throw unsupported(method, path);
            };
        }
        throw unsupported(method, path);
    }

    private static Integer integer(String value) {
        return value == null ? null : Integer.valueOf(value);
    }

    private static EmrApiException unsupported(String method, String path) {
        return new EmrApiException(405, "UnknownOperationException", method + " " + path + " is not an EMR Serverless job-run operation");
    }
}
