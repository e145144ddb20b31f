package io.emrpipeline.local.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Passes a request on to moto unchanged (method, path, query, headers, body) and streams moto's
 * answer back. Only connection-level headers are dropped: they describe the hop, not the request,
 * and {@link HttpClient} refuses to set some of them.
 */
public final class MotoForwarder {

    private static final Set<String> HOP_BY_HOP = Set.of(
            "host", "content-length", "connection", "keep-alive", "transfer-encoding", "te", "trailer",
            "upgrade", "expect", "proxy-authorization", "proxy-authenticate", "proxy-connection");

    private final URI moto;
    private final HttpClient client;

    public MotoForwarder(URI moto) {
        this.moto = moto;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    public URI motoEndpoint() {
        return moto;
    }

    /** Forwards and streams moto's response straight to the client. */
    public void forward(GatewayRequest request, HttpExchange exchange) throws IOException, InterruptedException {
        HttpResponse<InputStream> response = client.send(toMoto(request), HttpResponse.BodyHandlers.ofInputStream());
        copyHeaders(response.headers().map(), exchange);
        long length = response.headers().firstValueAsLong("Content-Length").orElse(0);
        boolean noBody = "HEAD".equals(request.method()) || response.statusCode() == 204
                || response.statusCode() == 304 || length == 0 && response.headers().firstValue("Content-Length").isPresent();
        exchange.sendResponseHeaders(response.statusCode(), noBody ? -1 : length);
        try (InputStream in = response.body(); OutputStream out = exchange.getResponseBody()) {
            if (!noBody) {
                in.transferTo(out);
            }
        }
        exchange.close();
    }

    /** Forwards and returns moto's whole response, for routes that act on what moto answered. */
    public HttpResponse<byte[]> exchange(GatewayRequest request) throws IOException, InterruptedException {
        return client.send(toMoto(request), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Writes a response obtained from {@link #exchange} back to the client. */
    public static void reply(HttpResponse<byte[]> response, HttpExchange exchange) throws IOException {
        copyHeaders(response.headers().map(), exchange);
        byte[] body = response.body();
        exchange.sendResponseHeaders(response.statusCode(), body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
        exchange.close();
    }

    private HttpRequest toMoto(GatewayRequest request) {
        String query = request.rawQuery() == null ? "" : "?" + request.rawQuery();
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(moto + request.rawPath() + query))
                .timeout(Duration.ofMinutes(5))
                .method(request.method(), HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase())) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        return builder.build();
    }

    private static void copyHeaders(Map<String, List<String>> headers, HttpExchange exchange) {
        headers.forEach((name, values) -> {
            if (!name.startsWith(":") && !HOP_BY_HOP.contains(name.toLowerCase())) {
                exchange.getResponseHeaders().put(name, values);
            }
        });
    }
}
