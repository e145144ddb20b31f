package io.emrpipeline.local;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;

/**
 * The whole local AWS: moto plus the local gateway in front of it. Point every client at
 * {@link #endpoint()}. Start once per test class (moto takes seconds to start) and
 * {@link #reset()} between tests.
 */
public final class LocalAws implements AutoCloseable {

    private static final int START_ATTEMPTS = 3;

    private final MotoServer moto;
    private final LocalGateway gateway;

    private LocalAws(MotoServer moto, LocalGateway gateway) {
        this.moto = moto;
        this.gateway = gateway;
    }

    /**
     * @param motoServer the {@code moto_server} executable of the project's venv
     * @param logDirectory where moto's log goes ({@code moto-<port>.log})
     */
    public static LocalAws start(Path motoServer, Path logDirectory) throws IOException, InterruptedException {
        IllegalStateException lastFailure = null;
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            try {
                return startOnce(motoServer, logDirectory);
            } catch (IllegalStateException e) {
                // Most likely moto's picked port was taken before moto bound it; try another.
                lastFailure = e;
            }
        }
        throw lastFailure;
    }

    private static LocalAws startOnce(Path motoServer, Path logDirectory) throws IOException, InterruptedException {
        // The gateway binds first (any port) so moto can be told it through MOTO_PORT; moto's own
        // port is picked before, since the gateway needs it to forward.
        int motoPort = FreePorts.pick();
        LocalGateway gateway = LocalGateway.start(0, URI.create("http://127.0.0.1:" + motoPort));
        try {
            MotoServer moto = MotoServer.start(motoServer, motoPort, gateway.port(),
                    logDirectory.resolve("moto-" + motoPort + ".log"));
            return new LocalAws(moto, gateway);
        } catch (IOException | InterruptedException | RuntimeException e) {
            gateway.close();
            throw e;
        }
    }

    public URI endpoint() {
        return gateway.endpoint();
    }

    public LocalGateway gateway() {
        return gateway;
    }

    public MotoServer moto() {
        return moto;
    }

    /** Empties moto and the gateway's state between tests. */
    public void reset() throws IOException, InterruptedException {
        gateway.reset();
        moto.reset();
    }

    @Override
    public void close() {
        gateway.close();
        moto.close();
    }
}
