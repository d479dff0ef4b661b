package dev.allframe.server;

import dev.allframe.json.JsonCodecs;
import dev.allframe.testkit.FreePort;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Cloud Run's container contract, checked on a real server in a child JVM configured only by the environment Cloud
 * Run gives it: JSON logs on stdout with trace and labels, probes, SIGTERM drain within the grace.
 */
class CloudRunContractTest {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<String> stdout = new CopyOnWriteArrayList<>();
    private Process child;
    private int port;

    @AfterEach
    void stop() {
        if (child != null) {
            child.destroyForcibly();
        }
    }

    private void start(Map<String, String> extra) throws Exception {
        port = FreePort.pick();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                CloudRunMain.class.getName())
                .redirectError(ProcessBuilder.Redirect.appendTo(new java.io.File("target/cloudrun-child.log")));
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("K_") || k.startsWith("ALLFRAME_") || k.contains("PROJECT"));
        env.put("PORT", Integer.toString(port));
        env.put("K_SERVICE", "orders");
        env.put("K_REVISION", "orders-00042-xyz");
        env.put("K_CONFIGURATION", "orders");
        env.put("GOOGLE_CLOUD_PROJECT", "demo-project");
        env.putAll(extra);
        child = pb.start();
        Thread.ofVirtual().start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    stdout.add(line);
                }
            } catch (java.io.IOException ignored) {
                // the child is gone
            }
        });
        awaitLine(m -> String.valueOf(m.get("message")).startsWith("listening on"));
    }

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> awaitLine(Predicate<Map<String, Object>> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            for (String line : stdout) {
                Map<String, Object> entry = parse(line);
                if (wanted.test(entry)) {
                    return entry;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no such log line on stdout; got: " + stdout);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(String line) {
        // Every line on stdout must be one JSON object: Cloud Logging parses line by line.
        assertThat(line).startsWith("{").endsWith("}");
        return JsonCodecs.defaultCodec().read(line.getBytes(StandardCharsets.UTF_8), Map.class);
    }

    @Test
    void logsOneJsonObjectPerLineWithTheTraceOfTheRequestAndTheServiceLabels() throws Exception {
        start(Map.of());
        HttpResponse<String> r = get("/hello", "X-Cloud-Trace-Context", "4bf92f3577b34da6a3ce929d0e0e4736/12345;o=1");
        assertThat(r.statusCode()).isEqualTo(200);

        Map<String, Object> entry = awaitLine(m -> "hello from /hello".equals(m.get("message")));
        assertThat(entry).containsEntry("severity", "INFO")
                .containsEntry("logging.googleapis.com/trace",
                        "projects/demo-project/traces/4bf92f3577b34da6a3ce929d0e0e4736")
                .containsEntry("logging.googleapis.com/spanId", "0000000000003039")
                .containsEntry("logging.googleapis.com/trace_sampled", true)
                .containsEntry("logger", "app.CloudRunMain")
                .containsEntry("logging.googleapis.com/labels",
                        Map.of("service", "orders", "revision", "orders-00042-xyz", "configuration", "orders"));
        assertThat(Instant.parse((String) entry.get("time"))).isBetween(Instant.now().minusSeconds(60), Instant.now());
        // Framework lines carry the labels too, but no trace outside a request.
        Map<String, Object> listening = awaitLine(m -> String.valueOf(m.get("message")).startsWith("listening on"));
        assertThat(listening).doesNotContainKey("logging.googleapis.com/trace")
                .containsKey("logging.googleapis.com/labels");
    }

    @Test
    void readsTheW3cTraceparentAndPutsStackTracesInTheMessageOfAnError() throws Exception {
        start(Map.of());
        get("/hello", "traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-00");
        Map<String, Object> entry = awaitLine(m -> "hello from /hello".equals(m.get("message")));
        assertThat(entry).containsEntry("logging.googleapis.com/trace",
                        "projects/demo-project/traces/0af7651916cd43dd8448eb211c80319c")
                .containsEntry("logging.googleapis.com/spanId", "b7ad6b7169203331")
                .containsEntry("logging.googleapis.com/trace_sampled", false);

        get("/fail");
        Map<String, Object> error = awaitLine(m -> String.valueOf(m.get("message")).startsWith("it broke"));
        assertThat(error).containsEntry("severity", "ERROR").doesNotContainKey("logging.googleapis.com/trace");
        assertThat((String) error.get("message")).contains("java.lang.IllegalStateException: boom")
                .contains("\tat ");
    }

    @Test
    void answersTheProbesAndDrainsAnInFlightRequestOnSigtermThenExitsZero() throws Exception {
        start(Map.of());
        assertThat(get("/live").statusCode()).isEqualTo(200);
        assertThat(get("/ready").statusCode()).isEqualTo(200);
        assertThat(get("/health").statusCode()).isEqualTo(200);
        // The paths @CloudRunService's startup and liveness probes use by default (the generated Terraform).
        assertThat(get("/health/ready").body()).contains("\"server\"");
        assertThat(get("/health/live").statusCode()).isEqualTo(200);

        CompletableFuture<HttpResponse<String>> slow = CompletableFuture.supplyAsync(() -> {
            try {
                return get("/slow/1500");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        awaitLine(m -> "slow request started".equals(m.get("message")));
        child.toHandle().destroy(); // SIGTERM, as Cloud Run sends it
        assertThat(slow.get(15, TimeUnit.SECONDS).body()).isEqualTo("done");
        assertThat(child.waitFor(15, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).isZero();
        awaitLine(m -> String.valueOf(m.get("message")).startsWith("stopped after draining"));
    }

    @Test
    void givesUpOnARequestThatOutlivesTheConfiguredGraceAndStillExitsZero() throws Exception {
        start(Map.of("ALLFRAME_SHUTDOWN_GRACE", "500ms"));
        CompletableFuture.runAsync(() -> {
            try {
                get("/slow/60000");
            } catch (Exception expected) {
                // the server gives up on it
            }
        });
        awaitLine(m -> "slow request started".equals(m.get("message")));
        long t0 = System.nanoTime();
        child.toHandle().destroy();
        assertThat(child.waitFor(15, TimeUnit.SECONDS)).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(9));
        assertThat(child.exitValue()).isZero();
        Map<String, Object> warning = awaitLine(m -> String.valueOf(m.get("message")).startsWith("shutdown grace"));
        assertThat(warning).containsEntry("severity", "WARNING");
        assertThat((String) warning.get("message")).contains("500 ms");
    }

    @Test
    void withCloudRunsEnvironmentAStuckRequestIsGivenUpBeforeCloudRunsTenSecondKill() throws Exception {
        start(Map.of()); // K_SERVICE set, no ALLFRAME_SHUTDOWN_GRACE: the Cloud Run default
        CompletableFuture.runAsync(() -> {
            try {
                get("/slow/60000");
            } catch (Exception expected) {
                // the server gives up on it
            }
        });
        awaitLine(m -> "slow request started".equals(m.get("message")));
        long t0 = System.nanoTime();
        child.toHandle().destroy();
        assertThat(child.waitFor(20, TimeUnit.SECONDS)).isTrue();
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        assertThat(child.exitValue()).isZero();
        String stopped = (String) awaitLine(m -> String.valueOf(m.get("message")).startsWith("stopped after"))
                .get("message");
        // Cloud Run sends SIGKILL 10 s after SIGTERM: everything, JVM exit included, must fit well inside.
        assertThat(took).as(stopped).isLessThan(Duration.ofMillis(9500)).isGreaterThanOrEqualTo(Duration.ofMillis(7500));
        assertThat((String) awaitLine(m -> String.valueOf(m.get("message")).startsWith("shutdown grace"))
                .get("message")).matches("shutdown grace of 8\\D?000 ms over with 1 request\\(s\\) in flight");
        System.out.println("Cloud Run default grace: SIGTERM to exit " + took.toMillis() + " ms; " + stopped);
    }

    @Test
    void onCloudRunTheDefaultGraceEndsBeforeCloudRunsTenSecondKill() {
        Map<String, String> env = new HashMap<>(Map.of("K_SERVICE", "orders", "ALLFRAME_LOG_FORMAT", "text"));
        assertThat(HttpServer.fromEnvironment(env).shutdownGrace).isEqualTo(Duration.ofSeconds(8));
        assertThat(HttpServer.fromEnvironment(Map.of()).shutdownGrace).isEqualTo(Duration.ofSeconds(10));
        env.put("ALLFRAME_SHUTDOWN_GRACE", "3s");
        assertThat(HttpServer.fromEnvironment(env).shutdownGrace).isEqualTo(Duration.ofSeconds(3));
        env.put("ALLFRAME_SHUTDOWN_GRACE", "soon");
        assertThatThrownBy(() -> HttpServer.fromEnvironment(env))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ALLFRAME_SHUTDOWN_GRACE")
                .hasMessageContaining("'soon'");
        assertThatThrownBy(() -> HttpServer.fromEnvironment(Map.of("ALLFRAME_LOG_FORMAT", "xml")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ALLFRAME_LOG_FORMAT");
    }
}
