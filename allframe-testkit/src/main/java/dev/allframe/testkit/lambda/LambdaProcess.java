package dev.allframe.testkit.lambda;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * A Lambda runtime in a child JVM, started the way the managed Java runtime starts one: {@code java -cp ... MAIN
 * HANDLER} with the reserved environment variables ({@code AWS_LAMBDA_RUNTIME_API}, {@code _HANDLER},
 * {@code AWS_LAMBDA_FUNCTION_NAME}, ...). Output goes to a log file the test can read. Close it to kill the
 * process.
 */
public final class LambdaProcess implements AutoCloseable {
    /** The main class of the official runtime interface client. */
    public static final String RIC_MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";

    private final Process process;
    private final Path log;

    private LambdaProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /**
     * @param emulator the Runtime API the process talks to
     * @return a builder
     */
    public static Builder builder(RuntimeApiEmulator emulator) {
        return new Builder(emulator);
    }

    /** @return the child process */
    public Process process() {
        return process;
    }

    /** @return everything the process wrote to stdout and stderr so far */
    public String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }

    /**
     * @param timeout how long to wait
     * @return the exit code, or empty if the process still runs after the timeout
     */
    public Optional<Integer> waitForExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    ? Optional.of(process.exitValue()) : Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /**
     * The peak resident set size so far ({@code VmHWM} in {@code /proc/PID/status}), read before the process is
     * stopped; exact, unlike sampling.
     *
     * @return the peak RSS in KiB, or empty where {@code /proc} is unavailable
     */
    public OptionalLong peakRssKib() {
        Path status = Path.of("/proc", Long.toString(process.pid()), "status");
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    return OptionalLong.of(Long.parseLong(line.replaceAll("[^0-9]", "")));
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux, or the process is gone.
        }
        return OptionalLong.empty();
    }

    /** Kills the process (and its children) and waits for it to end. */
    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Stops the process with SIGTERM, as Lambda does at shutdown, so JVM exit actions (such as
     * {@code -XX:ArchiveClassesAtExit}) run; kills it if it has not ended after the grace period.
     *
     * @param grace how long to wait before killing it
     * @return the exit code
     */
    public int terminate(Duration grace) {
        process.destroy();
        Optional<Integer> code = waitForExit(grace);
        if (code.isPresent()) {
            return code.get();
        }
        close();
        return process.exitValue();
    }

    /** A mutable, not thread-safe builder of {@link LambdaProcess}es. */
    public static final class Builder {
        private final RuntimeApiEmulator emulator;
        private Path javaHome = Path.of(System.getProperty("java.home"));
        private String classPath = defaultClassPath();
        private final List<String> jvmOptions = new ArrayList<>();
        private final List<String> command = new ArrayList<>();
        private final Map<String, String> env = new LinkedHashMap<>();
        private Path log;
        private String handler;
        private Path workDir;

        private Builder(RuntimeApiEmulator emulator) {
            this.emulator = Objects.requireNonNull(emulator, "emulator");
        }

        /**
         * @param home the JDK or JRE to run; default: the one running this code
         * @return this builder
         */
        public Builder javaHome(Path home) {
            this.javaHome = Objects.requireNonNull(home, "home");
            return this;
        }

        /**
         * @param cp the class path of the child; default: this JVM's test class path
         * @return this builder
         */
        public Builder classPath(String cp) {
            this.classPath = Objects.requireNonNull(cp, "cp");
            return this;
        }

        /**
         * @param options JVM options such as {@code -XX:TieredStopAtLevel=1}, added in order
         * @return this builder
         */
        public Builder jvmOptions(List<String> options) {
            jvmOptions.addAll(options);
            return this;
        }

        /**
         * Runs the handler under the official runtime interface client, as the managed runtime does.
         *
         * @param handlerClass the handler string, {@code com.example.Handler} or {@code com.example.Handler::method}
         * @return this builder
         */
        public Builder ric(String handlerClass) {
            return main(RIC_MAIN, handlerClass).handler(handlerClass);
        }

        /**
         * @param mainClass the main class of the runtime
         * @param args its arguments
         * @return this builder
         */
        public Builder main(String mainClass, String... args) {
            command.clear();
            command.add(mainClass);
            command.addAll(List.of(args));
            return this;
        }

        /**
         * @param handlerString the {@code _HANDLER} value
         * @return this builder
         */
        public Builder handler(String handlerString) {
            this.handler = handlerString;
            return this;
        }

        /**
         * @param name an environment variable
         * @param value its value
         * @return this builder
         */
        public Builder env(String name, String value) {
            env.put(name, value);
            return this;
        }

        /**
         * Runs against a deployment layout: its runtime class path, and its task root as working directory
         * and {@code LAMBDA_TASK_ROOT}, as on Lambda.
         *
         * @param root the layout
         * @return this builder
         */
        public Builder taskRoot(TaskRoot root) {
            this.classPath = root.runtimeClassPath();
            this.workDir = root.dir();
            env.put("LAMBDA_TASK_ROOT", root.dir().toString());
            return this;
        }

        /**
         * @param file where stdout and stderr go; default: a temporary file
         * @return this builder
         */
        public Builder log(Path file) {
            this.log = file;
            return this;
        }

        /**
         * @return the started process
         * @throws IllegalStateException if no main class was set
         */
        public LambdaProcess start() {
            if (command.isEmpty()) {
                throw new IllegalStateException("no main class: call ric(handler) or main(class, args)");
            }
            List<String> cmd = new ArrayList<>();
            cmd.add(javaHome.resolve("bin").resolve("java").toString());
            cmd.addAll(jvmOptions);
            cmd.add("-cp");
            cmd.add(classPath);
            cmd.addAll(command);
            try {
                Path out = log != null ? log : Files.createTempFile("lambda-process", ".log");
                ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.to(out.toFile()));
                if (workDir != null) {
                    pb.directory(workDir.toFile());
                }
                Map<String, String> e = pb.environment();
                e.put("AWS_LAMBDA_RUNTIME_API", emulator.address());
                e.put("AWS_LAMBDA_FUNCTION_NAME", "allframe-test");
                e.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
                e.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "512");
                e.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/allframe-test");
                e.put("AWS_LAMBDA_LOG_STREAM_NAME", "2026/01/01/[$LATEST]0123456789abcdef");
                e.put("AWS_REGION", "us-east-1");
                e.put("AWS_EXECUTION_ENV", "AWS_Lambda_java21");
                if (handler != null) {
                    e.put("_HANDLER", handler);
                }
                e.putAll(env);
                return new LambdaProcess(pb.start(), out);
            } catch (IOException ex) {
                throw new UncheckedIOException("cannot start " + cmd, ex);
            }
        }

        /** @return the class path of this JVM's tests (or of this JVM) */
        public static String testClassPath() {
            return defaultClassPath();
        }

        private static String defaultClassPath() {
            // Surefire may hide the real class path behind a manifest-only jar; it publishes it here.
            String cp = System.getProperty("surefire.test.class.path");
            return cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path");
        }
    }
}
