package dev.allframe.examples.orders;

import dev.allframe.testkit.Tools;
import dev.allframe.testkit.lambda.RuntimeApiEmulator;
import dev.allframe.testkit.lambda.RuntimeApiEmulator.InvocationResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static dev.allframe.examples.orders.OrdersLambdaIT.event;
import static dev.allframe.examples.orders.OrdersLambdaIT.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The build step behind the custom-runtime package: unpacks {@code target/orders-lambda.zip} into
 * {@code target/lambda-provided/}, launches it with AllFrame's {@code bootstrap} script (as Lambda does: from the
 * task root, handler in {@code _HANDLER}) with {@code -XX:ArchiveClassesAtExit=app.jsa}, serves a training
 * invocation of each route kind, stops it with SIGTERM (as Lambda does) and checks that a second launch maps the
 * archive and loads the handler from it. The {@code lambda-provided} assembly then zips lib/, app.jsa and bootstrap.
 * The archive is only valid for the JDK that wrote it: deploy it with a runtime image built from the same JDK.
 */
class OrdersLambdaAppCdsIT {
    static final Path TASK = Path.of("target", "lambda-provided");
    /** AllFrame's custom-runtime bootstrap script, as the provided zip ships it. */
    static final Path BOOTSTRAP = Path.of("..", "..", "allframe-lambda", "src", "main", "dist", "bootstrap");
    static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path tmp;

    @Test
    void aTrainingRunWritesAnAppCdsArchiveThatTheNextColdStartLoadsTheHandlerFrom() throws Exception {
        Path sh = Tools.require("sh", "run the custom runtime's bootstrap script");
        Path task = fresh(TASK).toAbsolutePath();
        OrdersLambdaIT.unzip(OrdersLambdaIT.ZIP, task);
        Files.copy(BOOTSTRAP, task.resolve("bootstrap"));
        Path archive = task.resolve("app.jsa");

        try (RuntimeApiEmulator emulator = RuntimeApiEmulator.start("orders");
             Bootstrap lambda = Bootstrap.start(sh, task, emulator, "-XX:ArchiveClassesAtExit=app.jsa",
                     tmp.resolve("training.log"))) {
            String location = (String) headers(lambda.invoke(
                    event("POST", "/orders", "{\"customerId\":\"training\"}"))).get("location");
            assertThat(location).startsWith("/orders/");
            lambda.invoke(event("GET", location, null));
            lambda.invoke(event("GET", "/orders/none", null));
            lambda.invoke(event("POST", "/orders", "{\"customerId\":\"\"}"));
            lambda.terminate();
            assertThat(archive).as(lambda.output()).exists();
        }
        assertThat(Files.size(archive)).isGreaterThan(0);

        // The bootstrap adds -XX:SharedArchiveFile=app.jsa when the file is there; -Xshare:on makes a JVM that
        // cannot map it fail instead of silently starting without it.
        Path classLoad = tmp.resolve("classload.txt");
        try (RuntimeApiEmulator emulator = RuntimeApiEmulator.start("orders");
             Bootstrap lambda = Bootstrap.start(sh, task, emulator,
                     "-Xshare:on -Xlog:class+load=info:file=" + classLoad, tmp.resolve("cold.log"))) {
            InvocationResult created = lambda.invoke(event("POST", "/orders", "{\"customerId\":\"c-1\"}"));
            assertThat(((Number) json(created.body()).get("statusCode")).intValue()).isEqualTo(201);
        }
        assertThat(Files.readAllLines(classLoad))
                .anyMatch(l -> l.contains(" " + OrdersLambda.class.getName() + " source: shared objects file"))
                .anyMatch(l -> l.contains(" dev.allframe.cqrs.DefaultCommandBus source: shared objects file"));
    }

    /** The bootstrap script running in a task root against an emulator; closing it kills the JVM. */
    private record Bootstrap(Process process, Path log, RuntimeApiEmulator emulator) implements AutoCloseable {
        static Bootstrap start(Path sh, Path task, RuntimeApiEmulator emulator, String javaOpts, Path log)
                throws IOException {
            ProcessBuilder pb = new ProcessBuilder(sh.toString(), "bootstrap").directory(task.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().put("AWS_LAMBDA_RUNTIME_API", emulator.address());
            pb.environment().put("LAMBDA_TASK_ROOT", task.toString());
            pb.environment().put("_HANDLER", OrdersLambda.class.getName());
            pb.environment().put("ALLFRAME_JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
            pb.environment().put("ALLFRAME_JAVA_OPTS", javaOpts);
            pb.environment().put("ALLFRAME_STORE", "memory:");
            pb.environment().put("ALLFRAME_LOG", "warn");
            return new Bootstrap(pb.start(), log, emulator);
        }

        InvocationResult invoke(String event) {
            InvocationResult r;
            try {
                r = RuntimeApiEmulator.await(emulator.invoke(event), WAIT);
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "\nbootstrap output:\n" + output(), e);
            }
            assertThat(r.success()).as(r.body()).isTrue();
            return r;
        }

        /** SIGTERM, as Lambda sends at shutdown: the JVM runs its exit actions (the archive dump). */
        void terminate() throws InterruptedException {
            process.destroy(); // the script exec'd java, so this signals the JVM itself
            assertThat(process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).as(output()).isTrue();
        }

        String output() {
            try {
                return Files.readString(log);
            } catch (IOException e) {
                return "(no output: " + e + ")";
            }
        }

        @Override
        public void close() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    @SuppressWarnings("unchecked")
    private static java.util.Map<String, Object> headers(InvocationResult r) {
        return (java.util.Map<String, Object>) json(r.body()).get("headers");
    }

    private static Path fresh(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        return Files.createDirectories(dir);
    }
}
