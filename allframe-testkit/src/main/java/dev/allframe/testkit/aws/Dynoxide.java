package dev.allframe.testkit.aws;

import dev.allframe.testkit.FreePort;
import dev.allframe.testkit.Tools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * A real DynamoDB (and DynamoDB Streams) API server on loopback for tests: dynoxide, from npm
 * {@value #PACKAGE}@{@value #VERSION}, installed on first use with {@code npm install --prefix} into
 * {@code ~/.cache/allframe/dynoxide-VERSION} (or the directory in the system property {@code allframe.cache}) and
 * started in memory on a free port. Without {@code npm} or on a platform the package does not serve, the calling
 * test is skipped (failed under {@code ALLFRAME_REQUIRE_TOOLS=1}, see {@link Tools}). {@link #close()} stops the
 * process.
 *
 * <pre>{@code
 * try (Dynoxide dynamo = Dynoxide.start()) {
 *     DynamoDbClient client = DynamoDbClient.builder().endpointOverride(dynamo.endpoint())...build();
 * }
 * }</pre>
 */
public final class Dynoxide implements AutoCloseable {
    /** The npm package holding the Linux x64 binary (the wrapper package {@code dynoxide} is not used). */
    public static final String PACKAGE = "@dynoxide/linux-x64";
    /** The pinned version. */
    public static final String VERSION = "1.2.1";

    private final Process process;
    private final int port;
    private final Path log;
    /** Stops the server if the JVM exits (or is sent SIGTERM) without {@link #close()}. */
    private final Thread onExit;

    private Dynoxide(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.onExit = new Thread(() -> stop(process), "dynoxide-stop-" + process.pid());
        Runtime.getRuntime().addShutdownHook(onExit);
    }

    /**
     * Installs dynoxide if needed and starts it in memory.
     *
     * @return the running server
     */
    public static Dynoxide start() {
        Path binary = install();
        for (int attempt = 0; ; attempt++) {
            int port = FreePort.pick();
            try {
                Path log = Files.createTempFile("dynoxide-", ".log");
                Process p = new ProcessBuilder(binary.toString(), "serve", "--host", "127.0.0.1", "--port",
                        Integer.toString(port)).redirectErrorStream(true).redirectOutput(log.toFile()).start();
                if (awaitPort(p, port, Duration.ofSeconds(10))) {
                    return new Dynoxide(p, port, log);
                }
                stop(p);
                String output = Files.readString(log);
                Files.deleteIfExists(log);
                if (attempt == 2) {
                    throw new IllegalStateException("dynoxide did not start on port " + port + ": " + output);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start " + binary, e);
            }
        }
    }

    /**
     * Installs the package unless it is there, under a file lock so parallel test JVMs install it once.
     *
     * @return the binary
     */
    public static Path install() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch");
        if (!os.contains("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
            Tools.unavailable("dynoxide is only installed for Linux x64 here (this is " + os + "/" + arch
                    + "); it is needed to run DynamoDB tests against a real API server");
        }
        Path dir = cacheDir().resolve("dynoxide-" + VERSION);
        Path binary = dir.resolve("node_modules/" + PACKAGE + "/dynoxide");
        if (Files.isExecutable(binary)) {
            return binary;
        }
        Path npm = Tools.require("npm", "install dynoxide (" + PACKAGE + "@" + VERSION + "), the DynamoDB stand-in");
        try {
            Files.createDirectories(dir);
            try (FileChannel lockFile = FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock ignored = lockFile.lock()) {
                if (Files.isExecutable(binary)) {
                    return binary;
                }
                List<String> command = new ArrayList<>(List.of(npm.toString(), "install", "--prefix", dir.toString(),
                        "--no-audit", "--no-fund", "--no-save", "--loglevel=error", PACKAGE + "@" + VERSION));
                Path out = Files.createTempFile("npm-dynoxide-", ".log");
                Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
                if (!p.waitFor(300, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    Tools.unavailable("npm install of " + PACKAGE + "@" + VERSION + " took over 300 s");
                }
                String output = Files.readString(out);
                Files.deleteIfExists(out);
                if (p.exitValue() != 0 || !Files.isExecutable(binary)) {
                    Tools.unavailable("npm install of " + PACKAGE + "@" + VERSION + " into " + dir + " failed (exit "
                            + p.exitValue() + "): " + output.strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot install dynoxide into " + dir, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted installing dynoxide", e);
        }
        return binary;
    }

    static Path cacheDir() {
        String configured = System.getProperty("allframe.cache");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of(System.getProperty("user.home"), ".cache", "allframe");
    }

    private static boolean awaitPort(Process p, int port, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && p.isAlive()) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return true;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted waiting for dynoxide", e);
                }
            }
        }
        return false;
    }

    /** @return the endpoint, {@code http://127.0.0.1:PORT} */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** @return the port */
    public int port() {
        return port;
    }

    /** @return the process id, for tools that measure it */
    public long pid() {
        return process.pid();
    }

    private static void stop(Process p) {
        p.destroy();
        try {
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the server; its in-memory tables are gone. */
    @Override
    public void close() {
        stop(process);
        try {
            Runtime.getRuntime().removeShutdownHook(onExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to: nothing to remove
        }
        try {
            Files.deleteIfExists(log);
        } catch (IOException ignored) {
            // a temp file; the OS tidies it
        }
    }

    @Override
    public String toString() {
        return "Dynoxide[" + endpoint() + "]";
    }
}
