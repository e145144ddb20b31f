package io.emrpipeline.local.iam;

import com.fasterxml.jackson.databind.JsonNode;
import io.emrpipeline.local.http.GatewayRequest;
import io.emrpipeline.local.http.Json;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What IAM would evaluate for one AWS request that reached the gateway: the action and the
 * resource ARN(s), for exactly the APIs the pipeline's functions call (S3 objects, EMR Serverless,
 * Step Functions task callbacks, EventBridge PutEvents) and Lambda Invoke. Anything else maps to
 * {@link IamRequest#unmapped}: a new call must be mapped here before the IAM check accepts it.
 */
public final class RequiredPermissions {

    private static final Pattern INVOKE = Pattern.compile("^/2015-03-31/functions/([^/]+)/invocations$");
    private static final Set<String> TASK_CALLBACKS = Set.of("SendTaskSuccess", "SendTaskFailure", "SendTaskHeartbeat");

    private final String accountId;
    private final TaskTokenOrigins taskTokens;
    private final EmrServerlessPermissions emr;

    public RequiredPermissions(String accountId, TaskTokenOrigins taskTokens) {
        this.accountId = accountId;
        this.taskTokens = taskTokens;
        this.emr = new EmrServerlessPermissions(accountId);
    }

    public List<IamRequest> of(GatewayRequest request) {
        String description = describe(request);
        try {
            String target = request.target();
            if (target.startsWith("AWSStepFunctions.")) {
                return List.of(stepFunctions(target.substring("AWSStepFunctions.".length()), request, description));
            }
            if (target.startsWith("AWSEvents.")) {
                return events(target.substring("AWSEvents.".length()), request, description);
            }
            return switch (request.signingService()) {
                case "s3" -> S3Permissions.of(request, description);
                case "emr-serverless" -> emr.of(request, description);
                case "lambda" -> List.of(lambda(request, description));
                default -> List.of(IamRequest.unmapped(description));
            };
        } catch (IllegalArgumentException malformed) {
            return List.of(IamRequest.unmapped(description + " (" + malformed.getMessage() + ")"));
        }
    }

    /** {@code METHOD /path?query} and the JSON target, for a person reading a denial. */
    public static String describe(GatewayRequest request) {
        String query = request.rawQuery() == null ? "" : "?" + request.rawQuery();
        String target = request.target().isEmpty() ? "" : " " + request.target();
        return request.method() + " " + request.rawPath() + query + target;
    }

    /**
     * Task callbacks are authorized against the state machine that issued the token (CDK's
     * grantTaskResponse grants exactly that); a token of unknown origin can only match "*".
     */
    private IamRequest stepFunctions(String operation, GatewayRequest request, String description) {
        JsonNode body = Json.parse(request.body());
        String action = "states:" + operation;
        if (TASK_CALLBACKS.contains(operation)) {
            return IamRequest.of(action, taskTokens.stateMachineOf(Json.text(body, "taskToken")).orElse("*"));
        }
        String arn = switch (operation) {
            case "StartExecution", "StartSyncExecution" -> Json.text(body, "stateMachineArn");
            case "DescribeExecution", "StopExecution", "GetExecutionHistory" -> Json.text(body, "executionArn");
            default -> null;
        };
        return arn == null ? IamRequest.unmapped(description) : IamRequest.of(action, arn);
    }

    /** PutEvents is authorized once per event bus its entries name (no name: the default bus). */
    private List<IamRequest> events(String operation, GatewayRequest request, String description) {
        if (!operation.equals("PutEvents")) {
            return List.of(IamRequest.unmapped(description));
        }
        Set<String> buses = new LinkedHashSet<>();
        for (JsonNode entry : Json.parse(request.body()).path("Entries")) {
            String bus = entry.path("EventBusName").asText("default");
            buses.add(bus.startsWith("arn:") ? bus
                    : "arn:aws:events:" + request.region() + ":" + accountId + ":event-bus/" + bus);
        }
        return buses.stream().map(bus -> IamRequest.of("events:PutEvents", bus)).toList();
    }

    private IamRequest lambda(GatewayRequest request, String description) {
        Matcher invoke = INVOKE.matcher(request.rawPath());
        if (!request.method().equals("POST") || !invoke.matches()) {
            return IamRequest.unmapped(description);
        }
        String function = decodePath(invoke.group(1));
        return IamRequest.of("lambda:InvokeFunction", function.startsWith("arn:") ? function
                : "arn:aws:lambda:" + request.region() + ":" + accountId + ":function:" + function);
    }

    /** Whether this is a Lambda Invoke, whose payload may carry a task token. */
    static boolean isInvoke(GatewayRequest request) {
        return request.method().equals("POST") && INVOKE.matcher(request.rawPath()).matches();
    }

    /** Percent-decoding of a path segment: unlike in a query, a '+' in a path is a plus sign. */
    static String decodePath(String raw) {
        return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
