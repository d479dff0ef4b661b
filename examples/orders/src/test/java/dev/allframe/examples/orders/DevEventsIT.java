package dev.allframe.examples.orders;

import dev.allframe.testkit.FreePort;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example under a real {@code allframe dev} (the packaged CLI, running the example in a child JVM on SQLite)
 * takes SQS, EventBridge, S3 and DynamoDB Streams events over real HTTP and through {@code allframe events send},
 * into the same Lambda event doors as its {@code orders-events} function; and the packaged server outside
 * development mode (plain, and with Cloud Run's {@code K_SERVICE}) has no such endpoints.
 */
class DevEventsIT {
    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    private static final Path CLI = ROOT.resolve("allframe-cli/target/allframe.jar");
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void devDeliversQueueBusStorageAndStreamEventsToTheSameDoorsAsLambda() throws Exception {
        assertThat(CLI).as("the reactor packages the CLI before the example").exists();
        int port = FreePort.pick();
        Path work = Files.createTempDirectory(Path.of("target"), "dev-events-").toAbsolutePath();
        ProcessBuilder pb = new ProcessBuilder(JAVA, "-jar", CLI.toString(), "dev", "--project",
                ROOT.resolve("examples/orders").toString(), "--port", Integer.toString(port), "--no-reload",
                "--store", "sqlite:" + work.resolve("orders.db")).redirectErrorStream(true);
        pb.environment().remove("ALLFRAME_DEV");
        Process dev = pb.start();
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread.ofVirtual().start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(dev.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // dev is gone
            }
        });
        String base = "http://localhost:" + port;
        String url = "http://127.0.0.1:" + port;
        try {
            awaitLine(lines, "AllFrame dev: ");
            assertThat(lines).contains(
                    "  Local events (SQS, SNS, EventBridge, S3, DynamoDB Streams), dev mode only:",
                    "  POST    " + base + "/_allframe/events/sqs/{queue}",
                    "  POST    " + base + "/_allframe/events/dynamodb",
                    "  e.g. allframe events send sqs --queue QUEUE --body '{...}' --url " + base);

            // An SQS batch with one poison message (an unknown command): exactly it fails; the others append once.
            String batch = """
                    [{"type":"CreateOrder","orderId":"sqs-1","customerId":"ann"},
                     {"type":"AddItem","orderId":"sqs-1","sku":"book","quantity":2,"unitPriceCents":1250},
                     {"type":"RefundOrder","orderId":"sqs-1"},
                     {"type":"SubmitOrder","orderId":"sqs-1"}]""";
            String sqs = url + "/_allframe/events/sqs/order-commands?messageId=m-1&messageId=m-2&messageId=m-3"
                    + "&messageId=m-4";
            HttpResponse<String> first = post(sqs, batch);
            assertThat(first.statusCode()).isEqualTo(200);
            assertThat(first.body()).startsWith("{\"batchItemFailures\":[{\"itemIdentifier\":\"m-3\"}],\"results\":[");
            assertThat(awaitOrder(url, "sqs-1", "\"version\":3"))
                    .contains("\"status\":\"SUBMITTED\"", "\"totalCents\":2500", "\"sku\":\"book\"");
            // The same batch again, as SQS redelivers it: the same answer, nothing appended twice.
            assertThat(post(sqs, batch).body()).startsWith("{\"batchItemFailures\":[{\"itemIdentifier\":\"m-3\"}]");

            // EventBridge through the CLI: the shop's CheckoutCompleted opens an order.
            Path detail = Files.writeString(work.resolve("checkout.json"), "{\"orderId\":\"eb-1\",\"customerId\":\"eve\"}");
            Cli eb = cli("events", "send", "eventbridge", "--url", url, "--source", "com.example.shop",
                    "--detail-type", "CheckoutCompleted", "--detail", "@" + detail);
            assertThat(eb.exit()).as(eb::toString).isZero();
            assertThat(eb.out()).contains("\"command\":\"CreateOrder\"", "\"outcome\":\"dispatched\"");
            assertThat(awaitOrder(url, "eb-1", "\"customerId\":\"eve\"")).contains("\"status\":\"OPEN\"");
            // Events are projected in order: eb-1 is visible, so a duplicate of the redelivered batch would be too.
            assertThat(get(url + "/orders/sqs-1").body()).contains("\"version\":3").containsOnlyOnce("\"sku\"");

            // SQS through the CLI: a poison body makes it exit 1, naming the failed message.
            Cli mixed = cli("events", "send", "sqs", "--url", url, "--queue", "order-commands",
                    "--body", "{\"type\":\"AddItem\",\"orderId\":\"eb-1\",\"sku\":\"pen\",\"quantity\":1,"
                            + "\"unitPriceCents\":99}",
                    "--body", "not a command", "--message-id", "c-1", "--message-id", "c-2");
            assertThat(mixed.exit()).as(mixed::toString).isEqualTo(1);
            assertThat(mixed.out()).startsWith("{\"batchItemFailures\":[{\"itemIdentifier\":\"c-2\"}]");
            assertThat(mixed.err()).startsWith("error: some messages failed");
            assertThat(awaitOrder(url, "eb-1", "\"sku\":\"pen\"")).contains("\"totalCents\":99");

            // S3: an order file dropped under incoming/CUSTOMER/ opens the order.
            Cli s3 = cli("events", "send", "s3", "--url", url, "--bucket", "order-drops", "--key",
                    "incoming/cust 9/s3-1.json");
            assertThat(s3.exit()).as(s3::toString).isZero();
            assertThat(s3.out()).isEqualTo("{\"processed\":1}");
            assertThat(awaitOrder(url, "s3-1", "\"customerId\":\"cust 9\"")).contains("\"status\":\"OPEN\"");

            // DynamoDB Streams, as Lambda would send the event table's stream: INSERTs reach the summaries; one
            // the summaries cannot apply (an item for an order never created) is parked, and the batch goes on.
            HttpResponse<String> stream = post(url + "/_allframe/events", streamEvent(
                    record("1", "order-ddb-1", 1, "OrderCreated", "{\"orderId\":\"ddb-1\",\"customerId\":\"dee\"}"),
                    record("2", "order-ghost", 2, "ItemAdded",
                            "{\"orderId\":\"ghost\",\"sku\":\"x\",\"quantity\":1,\"unitPriceCents\":1}"),
                    record("3", "order-ddb-1", 2, "ItemAdded",
                            "{\"orderId\":\"ddb-1\",\"sku\":\"y\",\"quantity\":1,\"unitPriceCents\":5}")));
            assertThat(stream.statusCode()).isEqualTo(200);
            assertThat(stream.body()).as("the poison record is parked, not reported for redelivery")
                    .isEqualTo("{\"batchItemFailures\":[]}");
            assertThat(get(url + "/orders/ddb-1").body()).contains("\"customerId\":\"dee\"", "\"version\":2",
                    "\"sku\":\"y\"");
            assertThat(get(url + "/orders/ghost").statusCode()).isEqualTo(404);
            // ... and the local store's own events replay as such a stream.
            Cli replay = cli("events", "send", "dynamodb", "--url", url, "--stream", "order-sqs-1");
            assertThat(replay.exit()).as(replay::toString).isZero();
            assertThat(replay.out()).isEqualTo("{\"batchItemFailures\":[]}");

            // A malformed event is a 400 problem naming what is wrong.
            HttpResponse<String> malformed = post(url + "/_allframe/events",
                    "{\"Records\":[{\"eventSource\":\"aws:sqs\",\"body\":\"{}\"}]}");
            assertThat(malformed.statusCode()).isEqualTo(400);
            assertThat(malformed.headers().firstValue("content-type")).hasValue("application/problem+json");
            assertThat(malformed.body()).contains("'Records[0].messageId' must be a string, but is missing");
            HttpResponse<String> noQuery = post(url + "/_allframe/events/eventbridge", "{}");
            assertThat(noQuery.statusCode()).isEqualTo(400);
            assertThat(noQuery.body()).contains("the query parameter 'source' is required");
        } finally {
            dev.toHandle().destroy(); // SIGTERM: dev stops the application gracefully
            if (!dev.waitFor(30, TimeUnit.SECONDS)) {
                dev.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
                dev.destroyForcibly();
            }
        }
    }

    @Test
    void outsideDevModeTheServerHasNoEventEndpoints() throws Exception {
        for (Map<String, String> env : List.of(Map.<String, String>of(), Map.of("K_SERVICE", "orders"))) {
            int port = FreePort.pick();
            Path work = Files.createTempDirectory(Path.of("target"), "no-dev-events-").toAbsolutePath();
            ProcessBuilder pb = new ProcessBuilder(JAVA, "-jar", Path.of("target/orders.jar").toAbsolutePath()
                    .toString()).redirectErrorStream(true).redirectOutput(work.resolve("app.log").toFile());
            pb.environment().remove("ALLFRAME_DEV");
            pb.environment().putAll(env);
            pb.environment().put("PORT", Integer.toString(port));
            pb.environment().put("ALLFRAME_STORE", "sqlite:" + work.resolve("orders.db"));
            Process app = pb.start();
            try {
                String url = "http://127.0.0.1:" + port;
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (true) {
                    assertThat(app.isAlive()).as(() -> read(work.resolve("app.log"))).isTrue();
                    try {
                        if (get(url + "/health").statusCode() == 200) {
                            break;
                        }
                    } catch (IOException notYet) {
                        assertThat(System.nanoTime()).as("started within 60 s").isLessThan(deadline);
                        Thread.sleep(100);
                    }
                }
                assertThat(post(url + "/_allframe/events", "{}").statusCode()).as("%s", env).isEqualTo(404);
                assertThat(post(url + "/_allframe/events/sqs/order-commands", "{}").statusCode()).isEqualTo(404);
                assertThat(get(url + "/_allframe/routes").statusCode()).isEqualTo(404);
                if (env.isEmpty()) {
                    Cli cli = cli("events", "send", "sqs", "--url", url, "--queue", "order-commands", "--body", "{}");
                    assertThat(cli.exit()).isEqualTo(2);
                    assertThat(cli.err()).contains("has no local event endpoints");
                }
            } finally {
                app.destroy();
                if (!app.waitFor(20, TimeUnit.SECONDS)) {
                    app.destroyForcibly();
                }
            }
        }
    }

    private static String record(String sequence, String stream, long version, String type, String payload) {
        return """
                {"eventID":"e-%1$s","eventName":"INSERT","eventVersion":"1.1","eventSource":"aws:dynamodb",
                 "awsRegion":"us-east-1","dynamodb":{"ApproximateCreationDateTime":1795000000,
                 "Keys":{"PK":{"S":"%2$s"},"SK":{"S":"%3$020d"}},
                 "NewImage":{"PK":{"S":"%2$s"},"SK":{"S":"%3$020d"},"event_type":{"S":"%4$s"},"payload":{"S":%5$s},
                  "metadata":{"S":"{}"},"timestamp":{"S":"2026-11-27T08:00:00Z"},"global_position":{"N":"%1$s00"}},
                 "SequenceNumber":"%1$s","SizeBytes":200,"StreamViewType":"NEW_AND_OLD_IMAGES"},
                 "eventSourceARN":"arn:aws:dynamodb:us-east-1:000000000000:table/events/stream/2026-11-27T00:00:00.000"}
                """.formatted(sequence, stream, version, type, jsonString(payload));
    }

    private static String streamEvent(String... records) {
        return "{\"Records\":[" + String.join(",", records) + "]}";
    }

    private static String jsonString(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private HttpResponse<String> post(String uri, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(30))
                .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String uri) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Polls {@code GET /orders/{id}} until it answers 200 with {@code expected}: the projection follows the store. */
    private String awaitOrder(String url, String id, String expected) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        HttpResponse<String> r = null;
        while (System.nanoTime() < deadline) {
            r = get(url + "/orders/" + id);
            if (r.statusCode() == 200 && r.body().contains(expected)) {
                return r.body();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("order " + id + " never showed " + expected + "; last answer: "
                + (r == null ? "none" : r.statusCode() + " " + r.body()));
    }

    /** A finished run of the packaged CLI. */
    private record Cli(int exit, String out, String err) {
    }

    private static Cli cli(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(JAVA, "-jar", CLI.toString()));
        command.addAll(List.of(args));
        Path err = Files.createTempFile(Path.of("target"), "cli-", ".err");
        try {
            Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            return new Cli(p.exitValue(), out, Files.readString(err).strip());
        } finally {
            Files.deleteIfExists(err);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private static void awaitLine(List<String> lines, String prefix) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (lines.stream().anyMatch(l -> l.startsWith(prefix))) {
                Thread.sleep(200); // the route list follows the headline
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no line starting with '" + prefix + "'; output:\n" + String.join("\n", lines));
    }
}
