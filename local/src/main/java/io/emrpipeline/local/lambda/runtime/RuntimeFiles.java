package io.emrpipeline.local.lambda.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What a local Lambda environment is made of, as the build leaves it: AWS's runtime interface
 * emulator ({@code make setup} builds it into {@code .local/bin}), the runtime interface client's
 * classpath and native library, and the task root holding the deployed functions jar
 * ({@code local/target/lambda-runtime}, filled by the local module's build).
 *
 * @param emulator the {@code aws-lambda-rie} executable
 * @param clientClasspath the runtime interface client and its dependencies ({@code lib/*})
 * @param nativeLibrary the client's JNI library for this machine
 * @param taskRoot where Lambda unpacks a function's zip: the functions jar is in {@code lib/}
 * @param java the java executable of this JVM (Lambda's java17 runtime runs the same major version)
 */
public record RuntimeFiles(Path emulator, String clientClasspath, Path nativeLibrary, Path taskRoot, Path java) {

    public static RuntimeFiles under(Path repositoryRoot) {
        Path runtime = repositoryRoot.resolve("local/target/lambda-runtime");
        Path emulator = repositoryRoot.resolve(".local/bin/aws-lambda-rie");
        require(emulator, "the Lambda runtime interface emulator: run `make setup`");
        Path library = runtime.resolve("jni/libaws-lambda-jni." + platform() + ".so");
        require(library, "the runtime interface client's native library: build the local module (`make build`)");
        Path taskRoot = runtime.resolve("task");
        require(taskRoot.resolve("lib/functions-lambda.jar"), "the functions jar: build the local module (`make build`)");
        Path java = ProcessHandle.current().info().command().map(Path::of)
                .orElseThrow(() -> new IllegalStateException("cannot tell which java runs this JVM"));
        return new RuntimeFiles(emulator, runtime.resolve("lib") + "/*", library, taskRoot, java);
    }

    private static String platform() {
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        return arch.equals("aarch64") || arch.equals("arm64") ? "linux-aarch_64" : "linux-x86_64";
    }

    private static void require(Path path, String what) {
        if (!Files.exists(path)) {
            throw new IllegalStateException(path + " is missing (" + what + ")");
        }
    }

    /** A fresh directory for the logs of one environment. */
    static Path logFile(Path directory, String name) {
        try {
            Files.createDirectories(directory);
            return directory.resolve(name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
