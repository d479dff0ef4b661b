package dev.allframe.examples.orders;

import dev.allframe.testkit.lambda.LambdaProcess;
import dev.allframe.testkit.lambda.RuntimeApiEmulator;
import dev.allframe.testkit.lambda.RuntimeApiEmulator.InvocationResult;
import dev.allframe.testkit.lambda.TaskRoot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static dev.allframe.examples.orders.OrdersLambdaIT.event;
import static dev.allframe.examples.orders.OrdersLambdaIT.invoke;
import static dev.allframe.examples.orders.OrdersLambdaIT.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The build step behind the custom-runtime package: unpacks {@code target/orders-lambda.zip} into
 * {@code target/lambda-provided/}, launches it as AllFrame's {@code bootstrap} does (working directory = task root,
 * {@code -cp lib/*}, {@code LambdaRuntime}) with {@code -XX:ArchiveClassesAtExit=app.jsa}, serves a training
 * invocation of each route kind, stops it with SIGTERM (as Lambda does) and checks that a second launch maps the
 * archive and loads the handler from it. The {@code lambda-provided} assembly then zips lib/, app.jsa and bootstrap.
 * The archive is only valid for the JDK that wrote it: deploy it with a runtime image built from the same JDK.
 */
class OrdersLambdaAppCdsIT {
    static final Path TASK = Path.of("target", "lambda-provided");
    /** The options of {@code allframe-lambda/src/main/dist/bootstrap}. */
    static final List<String> BOOTSTRAP_JVM = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            "-XX:MaxRAMPercentage=75");
    static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path tmp;

    @Test
    void aTrainingRunWritesAnAppCdsArchiveThatTheNextColdStartLoadsTheHandlerFrom() throws IOException {
        Path task = fresh(TASK);
        OrdersLambdaIT.unzip(OrdersLambdaIT.ZIP, task);
        Path archive = task.resolve("app.jsa");

        List<String> training = new ArrayList<>(BOOTSTRAP_JVM);
        training.add("-Xshare:auto");
        training.add("-XX:ArchiveClassesAtExit=app.jsa");
        try (RuntimeApiEmulator emulator = RuntimeApiEmulator.start("orders");
             LambdaProcess lambda = launch(emulator, task, training, tmp.resolve("training.log"))) {
            String location = (String) headers(invoke(emulator, lambda,
                    event("POST", "/orders", "{\"customerId\":\"training\"}"))).get("location");
            assertThat(location).startsWith("/orders/");
            invoke(emulator, lambda, event("GET", location, null));
            invoke(emulator, lambda, event("GET", "/orders/none", null));
            invoke(emulator, lambda, event("POST", "/orders", "{\"customerId\":\"\"}"));
            lambda.terminate(WAIT);
            assertThat(archive).as(lambda.output()).exists();
        }
        assertThat(Files.size(archive)).isGreaterThan(0);

        Path classLoad = tmp.resolve("classload.txt");
        List<String> cold = new ArrayList<>(BOOTSTRAP_JVM);
        cold.add("-Xshare:on"); // fail instead of silently running without the archive
        cold.add("-XX:SharedArchiveFile=app.jsa");
        cold.add("-Xlog:class+load=info:file=" + classLoad.toAbsolutePath());
        try (RuntimeApiEmulator emulator = RuntimeApiEmulator.start("orders");
             LambdaProcess lambda = launch(emulator, task, cold, tmp.resolve("cold.log"))) {
            InvocationResult created = invoke(emulator, lambda,
                    event("POST", "/orders", "{\"customerId\":\"c-1\"}"));
            assertThat(((Number) json(created.body()).get("statusCode")).intValue()).isEqualTo(201);
        }
        assertThat(Files.readAllLines(classLoad))
                .anyMatch(l -> l.contains(" " + OrdersLambda.class.getName() + " source: shared objects file"))
                .anyMatch(l -> l.contains(" dev.allframe.cqrs.DefaultCommandBus source: shared objects file"));
    }

    private static LambdaProcess launch(RuntimeApiEmulator emulator, Path task, List<String> jvm, Path log) {
        return LambdaProcess.builder(emulator).taskRoot(new TaskRoot("lib/*", task.toAbsolutePath()))
                .jvmOptions(jvm).main("dev.allframe.lambda.LambdaRuntime", OrdersLambda.class.getName())
                .handler(OrdersLambda.class.getName()).env("ALLFRAME_STORE", "memory:")
                .env("ALLFRAME_LOG", "warn").log(log).start();
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
