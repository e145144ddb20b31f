package io.emrpipeline.local.emr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.emrpipeline.local.http.GatewayRequest;
import io.emrpipeline.local.http.Json;
import io.emrpipeline.local.http.MotoForwarder;
import io.emrpipeline.local.http.Replies;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The EMR Serverless application APIs: moto serves them, and this route makes their states take
 * time as EMR's do ({@link ApplicationStates}): CreateApplication leaves the application CREATING
 * for a while, StartApplication leaves it STARTING; GetApplication and ListApplications say so.
 */
public final class ApplicationsRoute {

    private static final Pattern APPLICATIONS = Pattern.compile("^/applications$");
    private static final Pattern APPLICATION = Pattern.compile("^/applications/([^/]+)$");
    private static final Pattern START = Pattern.compile("^/applications/([^/]+)/start$");

    private final MotoForwarder moto;
    private final ApplicationStates states;

    public ApplicationsRoute(MotoForwarder moto, ApplicationStates states) {
        this.moto = moto;
        this.states = states;
    }

    public boolean handles(GatewayRequest request) {
        if (!"emr-serverless".equals(request.signingService())) {
            return false;
        }
        String path = request.rawPath();
        return APPLICATIONS.matcher(path).matches() && ("POST".equals(request.method()) || "GET".equals(request.method()))
                || APPLICATION.matcher(path).matches() && "GET".equals(request.method())
                || START.matcher(path).matches() && "POST".equals(request.method());
    }

    public void handle(GatewayRequest request, HttpExchange exchange) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = moto.exchange(request);
        if (response.statusCode() / 100 != 2) {
            MotoForwarder.reply(response, exchange);
            return;
        }
        String path = request.rawPath();
        Matcher start = START.matcher(path);
        if (start.matches()) {
            states.started(GatewayRequest.decode(start.group(1)));
            MotoForwarder.reply(response, exchange);
            return;
        }
        JsonNode body = Json.parse(response.body());
        if (APPLICATIONS.matcher(path).matches() && "POST".equals(request.method())) {
            states.created(body.path("applicationId").asText());
        } else if (APPLICATIONS.matcher(path).matches()) {
            body.path("applications").forEach(summary -> overlay((ObjectNode) summary, summary.path("id").asText()));
        } else {
            overlay((ObjectNode) body.path("application"), body.path("application").path("applicationId").asText());
        }
        Replies.json(exchange, response.statusCode(), body);
    }

    private void overlay(ObjectNode application, String applicationId) {
        application.put("state", states.stateOf(applicationId, application.path("state").asText()));
    }
}
