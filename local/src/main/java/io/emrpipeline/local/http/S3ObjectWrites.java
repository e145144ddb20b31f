package io.emrpipeline.local.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;

/**
 * Makes moto's S3 writes atomic per key, as S3's are. moto checks a conditional write's
 * {@code If-None-Match: *} / {@code If-Match} and then writes, in two steps, on concurrent request
 * threads: two claims of one key could both succeed there, never in S3. The pipeline's
 * exactly-once rests on S3's atomicity, so the harness gives it: PUTs and DELETEs of one object key
 * pass to moto one at a time.
 */
public final class S3ObjectWrites {

    private static final int STRIPES = 64;

    private final Object[] locks = new Object[STRIPES];

    public S3ObjectWrites() {
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new Object();
        }
    }

    /** @return true when {@code request} writes or deletes one S3 object */
    public boolean handles(GatewayRequest request) {
        return "s3".equals(request.signingService())
                && ("PUT".equals(request.method()) || "DELETE".equals(request.method()))
                && request.rawPath().indexOf('/', 1) > 0;
    }

    public void forward(GatewayRequest request, HttpExchange exchange, MotoForwarder moto)
            throws IOException, InterruptedException {
        synchronized (locks[Math.floorMod(request.rawPath().hashCode(), STRIPES)]) {
            moto.forward(request, exchange);
        }
    }
}
