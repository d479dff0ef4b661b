package dev.allframe.examples.orders;

import dev.allframe.eventstore.EventData;
import dev.allframe.eventstore.ExpectedVersion;
import dev.allframe.eventstore.Metadata;
import dev.allframe.jdbc.JdbcStores;
import dev.allframe.testkit.FreePort;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged app keeps orders in its SQLite store across a restart, answers rule violations with 409, and starts
 * and serves on a store holding an event its order summaries cannot apply.
 */
class OrdersRestartIT {
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private Process start(Path store, int port, Path log) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-jar", Path.of("target", "orders.jar").toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().put("PORT", Integer.toString(port));
        pb.environment().put("ALLFRAME_STORE", "sqlite:" + store.toAbsolutePath());
        Process app = pb.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (!app.isAlive()) {
                throw new AssertionError("the app exited: " + Files.readString(log));
            }
            try {
                http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/orders/none")).build(),
                        HttpResponse.BodyHandlers.discarding());
                return app;
            } catch (ConnectException e) {
                Thread.sleep(50); // waiting for a child process to listen: nothing to wait on but the port
            }
        }
        app.destroyForcibly();
        throw new AssertionError("the app did not listen in 20 s: " + Files.readString(log));
    }

    private HttpResponse<String> post(int port, String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private void stop(Process app, Path log) throws Exception {
        app.toHandle().destroy(); // SIGTERM: drain, close the store, exit 0
        assertThat(app.waitFor(15, TimeUnit.SECONDS)).isTrue();
        assertThat(app.exitValue()).as(Files.readString(log)).isZero();
    }

    @Test
    void ordersSurviveARestartOfTheProcess() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target"), "orders-restart-");
        Path store = dir.resolve("orders.db");
        Path log = dir.resolve("app.log");
        int port = FreePort.pick();
        Process first = start(store, port, log);
        try {
            assertThat(post(port, "/orders", "{\"customerId\":\"c-9\",\"orderId\":\"r-1\"}").statusCode())
                    .isEqualTo(201);
            assertThat(post(port, "/orders/r-1/items", "{\"sku\":\"apple\",\"quantity\":2,\"unitPriceCents\":75}")
                    .statusCode()).isEqualTo(200);
            assertThat(post(port, "/orders/r-1/submit", "{}").statusCode()).isEqualTo(200);
            stop(first, log);
        } finally {
            first.destroyForcibly();
        }

        Process second = start(store, port, log);
        try {
            HttpResponse<String> read = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/orders/r-1")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(read.statusCode()).isEqualTo(200);
            assertThat(read.body()).contains("\"status\":\"SUBMITTED\"", "\"totalCents\":150", "\"sku\":\"apple\"");
            HttpResponse<String> late = post(port, "/orders/r-1/items",
                    "{\"sku\":\"pear\",\"quantity\":1,\"unitPriceCents\":10}");
            assertThat(late.statusCode()).isEqualTo(409);
            assertThat(late.headers().firstValue("content-type")).contains("application/problem+json");
            stop(second, log);
        } finally {
            second.destroyForcibly();
        }
    }

    @Test
    void aPoisonEventInTheStoreNeitherStopsAStartNorTakesTheServiceDown() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target"), "orders-poison-");
        Path store = dir.resolve("orders.db");
        Path log = dir.resolve("app.log");
        try (JdbcStores stores = JdbcStores.open("sqlite:" + store.toAbsolutePath())) {
            stores.events().append("order-p-1", List.of(new EventData("OrderCreated",
                    "{\"orderId\":\"p-1\",\"customerId\":\"ann\"}".getBytes(StandardCharsets.UTF_8),
                    Metadata.empty())), ExpectedVersion.noStream());
            // What an SQS command without orderId left behind before the bus checked commands on every door.
            stores.events().append("order-null", List.of(new EventData("OrderCreated",
                    "{\"customerId\":\"bob\"}".getBytes(StandardCharsets.UTF_8), Metadata.empty())),
                    ExpectedVersion.noStream());
        }
        int port = FreePort.pick();
        Process app = start(store, port, log);
        try {
            assertThat(post(port, "/orders", "{\"customerId\":\"c-9\",\"orderId\":\"p-2\"}").statusCode())
                    .isEqualTo(201);
            HttpResponse<String> read = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/orders/p-2")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(read.statusCode()).isEqualTo(200);
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"DEGRADED\"",
                    "1 parked event(s), the first at global position 2");
            stop(app, log);
        } finally {
            app.destroyForcibly();
        }
    }
}
