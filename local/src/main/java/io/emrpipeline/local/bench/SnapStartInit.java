package io.emrpipeline.local.bench;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;

/**
 * The init phase of a SnapStart version, as far as it can run locally: builds the handler named
 * by {@code BENCH_HANDLER_CLASS}, then runs the checkpoint hooks the way AWS's runtime interface
 * client does before it takes the snapshot ({@code crac.Core.getGlobalContext().beforeCheckpoint}).
 * The emulator has no snapshot or restore, so the next invocation runs in this same JVM: what
 * it costs is the first invocation after a restore, less the restore itself. The benchmark puts
 * this class beside the project's unchanged functions jar in a task root of its own.
 */
public final class SnapStartInit implements RequestStreamHandler {

    private static final String RUNTIME_CRAC_CORE = "com.amazonaws.services.lambda.crac.Core";

    private final RequestStreamHandler handler;

    public SnapStartInit() throws ReflectiveOperationException {
        String handlerClass = System.getenv("BENCH_HANDLER_CLASS");
        ClassLoader loader = SnapStartInit.class.getClassLoader();
        this.handler = (RequestStreamHandler) Class.forName(handlerClass, true, loader).getConstructor().newInstance();
        runCheckpointHooks(loader);
    }

    private static void runCheckpointHooks(ClassLoader loader) throws ReflectiveOperationException {
        Class<?> core = Class.forName(RUNTIME_CRAC_CORE, true, loader);
        Object context = core.getMethod("getGlobalContext").invoke(null);
        Class<?> contextType = Class.forName("com.amazonaws.services.lambda.crac.Context", true, loader);
        try {
            contextType.getMethod("beforeCheckpoint", contextType).invoke(context, (Object) null);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("a checkpoint hook failed", e.getCause());
        }
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        handler.handleRequest(input, output, context);
    }
}
