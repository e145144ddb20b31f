package io.emrpipeline.local.http;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One request as the gateway received it, body read in full, with the bits of AWS wire
 * protocol the routes dispatch on: the SigV4 credential (who signed, for which service and
 * region) and the JSON-protocol {@code X-Amz-Target}.
 */
public record GatewayRequest(String method, String rawPath, String rawQuery, Headers headers, byte[] body) {

    private static final Pattern CREDENTIAL_SCOPE =
            Pattern.compile("Credential=([^/]+)/\\d{8}/([^/]+)/([^/]+)/aws4_request");
    private static final String DEFAULT_REGION = "us-east-1";

    public static GatewayRequest read(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return new GatewayRequest(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath(),
                    exchange.getRequestURI().getRawQuery(),
                    exchange.getRequestHeaders(),
                    in.readAllBytes());
        }
    }

    /** The service the client signed for ({@code emr-serverless}, {@code states}, …), or "" when unsigned. */
    public String signingService() {
        Matcher m = credentialScope();
        return m == null ? "" : m.group(3);
    }

    /** The access key id the client signed with (who is calling), or "" when unsigned. */
    public String accessKeyId() {
        Matcher m = credentialScope();
        return m == null ? "" : m.group(1);
    }

    public String region() {
        Matcher m = credentialScope();
        return m == null ? DEFAULT_REGION : m.group(2);
    }

    /** The JSON 1.0/1.1 operation, e.g. {@code AWSEvents.PutEvents}, or "" for REST protocols. */
    public String target() {
        String target = headers.getFirst("X-Amz-Target");
        return target == null ? "" : target;
    }

    /** All values of one query parameter, URL-decoded, in order (REST lists repeat the name). */
    public List<String> queryValues(String name) {
        List<String> values = new ArrayList<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return values;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            if (key.equals(name)) {
                values.add(eq < 0 ? "" : decode(pair.substring(eq + 1)));
            }
        }
        return values;
    }

    public String queryValue(String name) {
        List<String> values = queryValues(name);
        return values.isEmpty() ? null : values.get(0);
    }

    public static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private Matcher credentialScope() {
        String authorization = headers.getFirst("Authorization");
        if (authorization == null) {
            return null;
        }
        Matcher m = CREDENTIAL_SCOPE.matcher(authorization);
        return m.find() ? m : null;
    }
}
