package dev.allframe.examples.orders;

import dev.allframe.testkit.lambda.LambdaProcess;
import dev.allframe.testkit.lambda.RuntimeApiEmulator;
import dev.allframe.testkit.lambda.RuntimeApiEmulator.InvocationResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.allframe.examples.orders.OrdersLambdaIT.event;
import static dev.allframe.examples.orders.OrdersLambdaIT.invoke;
import static dev.allframe.examples.orders.OrdersLambdaIT.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * SnapStart end to end, as far as a JDK without CRaC allows: {@link OrdersLambda} in a child JVM initialised with
 * {@code AWS_LAMBDA_INITIALIZATION_TYPE=snap-start}, then {@code org.crac.Core.checkpointRestore()} where Lambda
 * would take the snapshot (the test kit's CRaC stand-in runs the registered hooks; no snapshot is taken, see
 * {@link SnapStartMain}). What the hook did is read from the outside: the classes loaded before the first
 * invocation arrives, the hook's log line, and what the function answers afterwards.
 */
class OrdersLambdaSnapStartTest {
    /** Loaded only by serving a request through the door, the router, JSON binding and the command bus. */
    static final List<String> REQUEST_PATH = List.of(
            "dev.allframe.lambda.HttpEvents",              // the event JSON read into a request
            "dev.allframe.lambda.JsonOut",                 // the response document written
            "dev.allframe.http.RouteTrie$Search",          // a route looked up
            "dev.allframe.http.annotation.Params",         // the body bound to CreateOrderBody
            "dev.allframe.cqrs.FieldError");               // the command bus's validator ran (the priming body is invalid)
    /** Loaded only when an event is appended to the store. */
    static final List<String> WRITE_PATH = List.of(
            "dev.allframe.eventstore.EventData", "dev.allframe.eventstore.RecordedEvent");

    @TempDir
    Path tmp;

    @Test
    void theSnapStartHookPrimesTheRoutesBeforeTheCheckpointWithoutWritingAndTheFunctionServesAfterRestore()
            throws Exception {
        Path classes = tmp.resolve("snap-start-classes.log");
        try (RuntimeApiEmulator emulator = RuntimeApiEmulator.start("orders");
             LambdaProcess lambda = child(emulator, classes).env("AWS_LAMBDA_INITIALIZATION_TYPE", "snap-start")
                     .start()) {
            awaitInitDone(emulator, lambda);
            Set<String> loaded = loaded(classes);
            assertThat(loaded).as("loaded before the first invocation:\n" + lambda.output())
                    .containsAll(REQUEST_PATH).doesNotContainAnyElementsOf(WRITE_PATH);
            assertThat(lambda.output())
                    .contains("crac-standin: registered=1 checkpoints=1")
                    .contains("Primed 2 request(s) before the SnapStart checkpoint");

            // After the restore: the priming GET's id is unknown (nothing was created), and the function works.
            InvocationResult primingId = invoke(emulator, lambda, event("GET", "/orders/snapstart-priming", null));
            assertThat(((Number) json(primingId.body()).get("statusCode")).intValue()).isEqualTo(404);
            InvocationResult created = invoke(emulator, lambda, event("POST", "/orders", "{\"customerId\":\"c-9\"}"));
            Map<String, Object> doc = json(created.body());
            assertThat(((Number) doc.get("statusCode")).intValue()).as(created.body()).isEqualTo(201);
            Map<String, Object> summary = json((String) doc.get("body"));
            assertThat(summary).containsEntry("customerId", "c-9");
            assertThat(((Number) summary.get("version")).longValue()).isEqualTo(1);
        }
    }

    @Test
    void anOrdinaryColdStartRegistersNoHookAndServesNothingBeforeTheFirstInvocation() throws Exception {
        Path classes = tmp.resolve("on-demand-classes.log");
        try (RuntimeApiEmulator emulator = RuntimeApiEmulator.start("orders");
             LambdaProcess lambda = child(emulator, classes).start()) {
            awaitInitDone(emulator, lambda);
            Set<String> loaded = loaded(classes);
            assertThat(loaded).doesNotContainAnyElementsOf(REQUEST_PATH);
            assertThat(lambda.output()).contains("crac-standin: registered=0").doesNotContain("Primed");
        }
    }

    private static LambdaProcess.Builder child(RuntimeApiEmulator emulator, Path classes) {
        return LambdaProcess.builder(emulator)
                .jvmOptions(List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                        "-Dorg.crac.Core.Compat=dev.allframe.testkit.lambda.crac",
                        "-Xlog:class+load=info:file=" + classes))
                .main(SnapStartMain.class.getName())
                .env("ALLFRAME_STORE", "memory:")
                .env("ALLFRAME_LOG", "info"); // the build sets warn for tests; the hook logs at info
    }

    /** The init phase (and with it the checkpoint) is over when the runtime first asks for an invocation. */
    private static void awaitInitDone(RuntimeApiEmulator emulator, LambdaProcess lambda) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (emulator.nextCalls() == 0) {
            assertThat(lambda.process().isAlive()).as("the child died:\n" + lambda.output()).isTrue();
            assertThat(System.nanoTime()).as("no /next within 60 s:\n" + lambda.output()).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private static Set<String> loaded(Path classLoadLog) throws IOException {
        Set<String> names = new HashSet<>();
        for (String line : Files.readAllLines(classLoadLog)) {
            int end = line.indexOf(" source: ");
            int start = line.lastIndexOf("] ", end);
            if (end > 0 && start > 0) {
                names.add(line.substring(start + 2, end));
            }
        }
        return names;
    }
}
