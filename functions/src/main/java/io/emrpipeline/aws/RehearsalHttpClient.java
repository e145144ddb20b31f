package io.emrpipeline.aws;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.logging.log4j.LogManager;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * The artifact's HTTP client: the network client, except on a thread inside
 * {@link #rehearse(List)}, where every request is read to its end and answered at once with an
 * empty {@code 200 {}}, so an SDK call runs its whole pipeline — marshalling, endpoint rules,
 * credentials, signing, checksums, unmarshalling — without a connection. SnapStart's priming
 * hook rehearses this way before the snapshot, instead of calling AWS.
 */
final class RehearsalHttpClient implements SdkHttpClient {

    private static final ThreadLocal<Boolean> REHEARSING = ThreadLocal.withInitial(() -> Boolean.FALSE);
    private static final byte[] EMPTY_DOCUMENT = "{}".getBytes(StandardCharsets.UTF_8);

    private final SdkHttpClient network;

    RehearsalHttpClient(SdkHttpClient network) {
        this.network = network;
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        return REHEARSING.get() ? new CannedAnswer(request) : network.prepareRequest(request);
    }

    @Override
    public String clientName() {
        return network.clientName();
    }

    @Override
    public void close() {
        network.close();
    }

    /**
     * Runs the calls with this thread's requests answered locally. A call that fails on the
     * canned answer is logged at debug level and skipped: rehearsing is best effort.
     */
    static void rehearse(List<Runnable> calls) {
        REHEARSING.set(Boolean.TRUE);
        try {
            for (Runnable call : calls) {
                try {
                    call.run();
                } catch (SdkException e) {
                    LogManager.getLogger(RehearsalHttpClient.class).debug("rehearsal call failed", e);
                }
            }
        } finally {
            REHEARSING.remove();
        }
    }

    private static final class CannedAnswer implements ExecutableHttpRequest {

        private final HttpExecuteRequest request;

        CannedAnswer(HttpExecuteRequest request) {
            this.request = request;
        }

        @Override
        public HttpExecuteResponse call() {
            // Reading the body runs what the SDK does while streaming it (trailing checksums, chunk signing).
            request.contentStreamProvider().ifPresent(body -> {
                try (InputStream in = body.newStream()) {
                    in.transferTo(OutputStream.nullOutputStream());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            SdkHttpResponse response = SdkHttpResponse.builder().statusCode(200)
                    .putHeader("Content-Type", "application/json")
                    .putHeader("Content-Length", Integer.toString(EMPTY_DOCUMENT.length))
                    .build();
            return HttpExecuteResponse.builder().response(response)
                    .responseBody(AbortableInputStream.create(new ByteArrayInputStream(EMPTY_DOCUMENT))).build();
        }

        @Override
        public void abort() {
            // Nothing in flight.
        }
    }
}
