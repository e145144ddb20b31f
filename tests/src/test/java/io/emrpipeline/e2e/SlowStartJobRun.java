package io.emrpipeline.e2e;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.emrpipeline.local.http.GatewayRequest;
import io.emrpipeline.local.http.MotoForwarder;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * An endpoint in front of the local gateway that passes every call on unchanged, except that it
 * can hold back the answers to EMR Serverless StartJobRun: the job run starts at once, and its
 * answer reaches the caller late, as when the service or the network is slow. A function whose
 * {@code AWS_ENDPOINT_URL} is this endpoint meets a slow StartJobRun; nothing else changes.
 */
final class SlowStartJobRun implements AutoCloseable {

    private static final Pattern START_JOB_RUN = Pattern.compile("^/applications/[^/]+/jobruns$");

    private final HttpServer server;
    private final ExecutorService threads;
    private final MotoForwarder gateway;
    private final AtomicInteger heldLeft = new AtomicInteger();
    private final Semaphore holding = new Semaphore(0);
    private volatile Duration hold = Duration.ZERO;

    private SlowStartJobRun(HttpServer server, URI gateway) {
        this.server = server;
        this.gateway = new MotoForwarder(gateway);
        // Held answers block their thread: other calls must not wait behind them.
        this.threads = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "slow-start-job-run");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(threads);
        server.createContext("/", this::handle);
    }

    static SlowStartJobRun inFrontOf(URI gateway) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        SlowStartJobRun endpoint = new SlowStartJobRun(server, gateway);
        server.start();
        return endpoint;
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The answers to the next {@code count} StartJobRun calls reach their caller {@code hold} late. */
    void holdNextAnswers(int count, Duration hold) {
        this.hold = hold;
        heldLeft.set(count);
    }

    /** Waits until a StartJobRun has taken effect and its answer is being held: its caller is waiting. */
    void awaitHeldAnswer(Duration timeout) throws InterruptedException {
        if (!holding.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("no StartJobRun answer was held within " + timeout);
        }
    }

    private void handle(HttpExchange exchange) {
        try (exchange) {
            GatewayRequest request = GatewayRequest.read(exchange);
            if (!isStartJobRun(request) || heldLeft.getAndUpdate(left -> Math.max(0, left - 1)) == 0) {
                gateway.forward(request, exchange);
                return;
            }
            HttpResponse<byte[]> answer = gateway.exchange(request);
            holding.release();
            Thread.sleep(hold.toMillis());
            MotoForwarder.reply(answer, exchange);
        } catch (IOException callerGone) {
            // The function timed out or died while its answer was held: nobody is left to answer.
        } catch (InterruptedException closing) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean isStartJobRun(GatewayRequest request) {
        return request.method().equals("POST") && request.signingService().equals("emr-serverless")
                && START_JOB_RUN.matcher(request.rawPath()).matches();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
