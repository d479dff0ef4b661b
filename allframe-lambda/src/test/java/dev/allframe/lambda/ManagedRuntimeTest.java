package dev.allframe.lambda;

import dev.allframe.json.JsonCodecs;
import dev.allframe.testkit.lambda.LambdaProcess;
import dev.allframe.testkit.lambda.RuntimeApiEmulator;
import dev.allframe.testkit.lambda.RuntimeApiEmulator.InvocationResult;
import dev.allframe.testkit.lambda.TaskRoot;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.allframe.lambda.AllFrameHandlerTest.fixture;
import static dev.allframe.testkit.lambda.RuntimeApiEmulator.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The handler under the official AWS runtime interface client, launched as the managed java21 runtime launches it:
 * the client's jars on the class path, the function's jars in the task root's {@code lib/}, the handler class as
 * argument, the reserved environment variables, and a Runtime API (the emulator) to poll.
 */
class ManagedRuntimeTest {
    static final Duration WAIT = Duration.ofSeconds(30);
    static final List<String> JVM = List.of("-XX:+UseSerialGC", "-Xshare:auto", "-XX:TieredStopAtLevel=1",
            "--enable-native-access=ALL-UNNAMED");

    @TempDir
    static Path tmp;
    static RuntimeApiEmulator emulator;
    static LambdaProcess runtime;

    @BeforeAll
    static void start() {
        emulator = RuntimeApiEmulator.start();
        TaskRoot root = TaskRoot.create(LambdaProcess.Builder.testClassPath(), tmp.resolve("task"));
        runtime = LambdaProcess.builder(emulator).taskRoot(root).jvmOptions(JVM)
                .ric(EchoLambda.class.getName()).env("ALLFRAME_LOG", "info").start();
    }

    @AfterAll
    static void stop() {
        if (runtime != null) {
            runtime.close();
        }
        if (emulator != null) {
            emulator.close();
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> json(String s) {
        return (Map<String, Object>) JsonCodecs.defaultCodec().read(s.getBytes(StandardCharsets.UTF_8), Object.class);
    }

    InvocationResult invoke(String event) {
        try {
            return await(emulator.invoke(event), WAIT);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\nruntime output:\n" + runtime.output(), e);
        }
    }

    @Test
    void servesAnHttpApiEventWithTheInvocationContextUnderTheOfficialRuntimeClient() {
        InvocationResult r = invoke(fixture("http-v2.json"));
        assertThat(r.success()).as(r.body()).isTrue();
        Map<String, Object> doc = json(r.body());
        assertThat(((Number) doc.get("statusCode")).intValue()).isEqualTo(200);
        Map<String, Object> echo = json((String) doc.get("body"));
        assertThat(echo.get("path")).isEqualTo("/orders/42/items");
        assertThat(echo.get("lambdaRequestId")).isEqualTo(r.requestId());
        assertThat(echo.get("currentRequestId")).isEqualTo(r.requestId());
        assertThat(echo.get("functionArn")).isEqualTo(emulator.functionArn());
        assertThat(echo.get("traceHeader")).isEqualTo("Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1");
        assertThat(((Number) echo.get("remainingMs")).longValue()).isBetween(1L, 30_000L);
    }

    @Test
    void theOfficialClientPassesTheMobileSdkHeadersAsTheCustomRuntimeDoes() {
        // The reference for the custom runtime's parsing: the same invocation, the same expectations.
        CustomRuntimeTest.assertMobileContextReachesTheHandler(emulator, runtime);
    }

    @Test
    void aThrowingRouteIsA500ResponseLoggedOnceWithTheRequestId() throws InterruptedException {
        InvocationResult r = invoke(fixture("rest-v1.json").replace("\"/orders/42/items\"", "\"/boom\"")
                .replace("\"httpMethod\": \"POST\"", "\"httpMethod\": \"GET\""));
        assertThat(r.success()).isTrue();
        assertThat(((Number) json(r.body()).get("statusCode")).intValue()).isEqualTo(500);
        String out = awaitOutput("Unhandled exception");
        Matcher m = Pattern.compile("^ERROR RequestId: (\\S+) .*Unhandled exception", Pattern.MULTILINE).matcher(out);
        assertThat(m.find()).as(out).isTrue();
        assertThat(m.group(1)).isEqualTo(r.requestId());
        assertThat(m.find()).as("logged once").isFalse();
    }

    @Test
    void logLinesOfAnInvocationCarryItsRequestId() throws InterruptedException {
        InvocationResult r = invoke(fixture("http-v2-minimal.json").replace("\"/health\"", "\"/log\""));
        assertThat(r.success()).isTrue();
        String out = awaitOutput("hello from a route");
        assertThat(out).contains("WARNING RequestId: " + r.requestId() + " dev.allframe.test.Route - hello from a route");
        // Under the managed runtime java.util.logging backs System.Logger; its default two-line format must not show.
        assertThat(out).doesNotContain("SEVERE:").doesNotContain("WARNING: hello");
    }

    @Test
    void aMalformedEventFailsOnlyThatInvocationWithANamedErrorType() {
        InvocationResult bad = invoke("{\"version\":\"2.0\",");
        assertThat(bad.success()).isFalse();
        // The client reports every handler exception as Runtime.UserException and names the class in the body.
        assertThat(bad.errorType()).isEqualTo("Runtime.UserException");
        assertThat(json(bad.body()).get("errorType")).isEqualTo(MalformedEventException.class.getName());
        assertThat(json(bad.body()).get("errorMessage").toString()).contains("The event is not valid JSON");

        InvocationResult sqs = invoke("{\"Records\":[]}");
        assertThat(sqs.success()).isFalse();
        assertThat(json(sqs.body()).get("errorType")).isEqualTo(UnsupportedEventException.class.getName());

        InvocationResult after = invoke(fixture("alb-single.json"));
        assertThat(after.success()).isTrue();
        assertThat(json(after.body()).get("statusDescription")).isEqualTo("200 OK");
    }

    @Test
    void aFailingConstructorIsReportedAsAnInitError(@TempDir Path dir) {
        try (RuntimeApiEmulator emu = RuntimeApiEmulator.start();
             LambdaProcess p = LambdaProcess.builder(emu)
                     .taskRoot(TaskRoot.create(LambdaProcess.Builder.testClassPath(), dir))
                     .jvmOptions(JVM).ric(BrokenInitLambda.class.getName()).start()) {
            RuntimeApiEmulator.InitError e = await(emu.initError(), WAIT);
            assertThat(e.body()).as(p.output()).contains("EVENT_TABLE is not set");
        }
    }

    private static String awaitOutput(String needle) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        String out = runtime.output();
        while (!out.contains(needle) && System.nanoTime() < end) {
            Thread.sleep(50);
            out = runtime.output();
        }
        return out;
    }
}
