package dev.allframe.examples.orders;

import dev.allframe.json.JsonCodecs;
import dev.allframe.testkit.FreePort;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the packaged example as Cloud Run would: {@code PORT}, {@code K_SERVICE}/{@code K_REVISION}/
 * {@code K_CONFIGURATION}, {@code GOOGLE_CLOUD_PROJECT} and the store from {@code ALLFRAME_STORE}; every stdout line
 * is Cloud Logging JSON and the application's own log line carries the request's trace.
 */
class OrdersOnCloudRunIT {
    @Test
    @SuppressWarnings("unchecked")
    void theExampleLogsCloudLoggingJsonWithTheRequestTraceAndExitsZeroOnSigterm() throws Exception {
        int port = FreePort.pick();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path store = Files.createTempDirectory(Path.of("target"), "orders-cloudrun-").resolve("orders.db");
        ProcessBuilder pb = new ProcessBuilder(java, "-jar", Path.of("target", "orders.jar").toString())
                .redirectError(ProcessBuilder.Redirect.appendTo(Path.of("target", "orders-cloudrun.err").toFile()));
        pb.environment().keySet().removeIf(k -> k.startsWith("K_") || k.startsWith("ALLFRAME_"));
        pb.environment().putAll(Map.of("PORT", Integer.toString(port), "K_SERVICE", "orders",
                "K_REVISION", "orders-00007-abc", "K_CONFIGURATION", "orders", "GOOGLE_CLOUD_PROJECT", "shop-prod",
                "ALLFRAME_STORE", "sqlite:" + store.toAbsolutePath()));
        Process app = pb.start();
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread.ofVirtual().start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (java.io.IOException ignored) {
                // the app is gone
            }
        });
        try {
            await(lines, m -> String.valueOf(m.get("message")).startsWith("listening on"));
            HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/orders"))
                    .header("content-type", "application/json")
                    .header("X-Cloud-Trace-Context", "105445aa7843bc8bf206b12000100000/1;o=1")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"orderId\":\"o-1\",\"customerId\":\"c-9\"}"))
                    .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).isEqualTo(201);

            Map<String, Object> entry = await(lines, m -> "order o-1 created for customer c-9".equals(m.get("message")));
            assertThat(entry).containsEntry("severity", "INFO")
                    .containsEntry("logging.googleapis.com/trace",
                            "projects/shop-prod/traces/105445aa7843bc8bf206b12000100000")
                    .containsEntry("logging.googleapis.com/spanId", "0000000000000001")
                    .containsEntry("logging.googleapis.com/labels",
                            Map.of("service", "orders", "revision", "orders-00007-abc", "configuration", "orders"));
            assertThat(store).exists(); // ALLFRAME_STORE chose the backend

            app.toHandle().destroy();
            assertThat(app.waitFor(15, TimeUnit.SECONDS)).isTrue();
            assertThat(app.exitValue()).isZero();
            for (String line : lines) {
                assertThat(line).as("every stdout line is one JSON object").startsWith("{").endsWith("}");
                JsonCodecs.defaultCodec().read(line.getBytes(StandardCharsets.UTF_8), Map.class);
            }
        } finally {
            app.destroyForcibly();
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> await(List<String> lines, Predicate<Map<String, Object>> wanted)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            for (String line : lines) {
                if (line.startsWith("{")) {
                    Map<String, Object> m = JsonCodecs.defaultCodec().read(line.getBytes(StandardCharsets.UTF_8), Map.class);
                    if (wanted.test(m)) {
                        return m;
                    }
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no such log line; stdout: " + lines);
    }
}
