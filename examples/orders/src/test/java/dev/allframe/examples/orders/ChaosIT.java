package dev.allframe.examples.orders;

import dev.allframe.eventstore.EventData;
import dev.allframe.eventstore.EventStore;
import dev.allframe.eventstore.ExpectedVersion;
import dev.allframe.eventstore.Metadata;
import dev.allframe.eventstore.StoredEvent;
import dev.allframe.examples.orders.domain.OrderEvent;
import dev.allframe.jdbc.JdbcStores;
import dev.allframe.json.JsonCodecs;
import dev.allframe.testkit.FreePort;
import org.junit.jupiter.api.Test;

import java.io.IOException;
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
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Chaos for the packaged example in development mode on SQLite: several threads send valid and invalid commands
 * through every door at once (HTTP, SQS, EventBridge, SNS, S3, DynamoDB Streams), including malformed JSON, missing
 * fields, unknown command types, over-deep JSON and a poison event appended to the store for the order summaries;
 * half-way the process is killed with SIGKILL and started again on the same file, while the senders go on. A fixed
 * number of messages per thread, so it ends by itself. Afterwards: the service is ready (degraded only by the parked
 * poison events), every acknowledged write is in the store, every rejected
 * message was reported with its reason, every order summary equals a fold of the stored events, and every parked
 * event is listed by {@code allframe projections} (and two of them are skipped with it).
 */
class ChaosIT {
    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    private static final Path CLI = ROOT.resolve("allframe-cli/target/allframe.jar");
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private static final String TOKEN = "chaos-admin-token-0123456789abcdef";
    private static final int THREADS = 4;
    private static final int ROUNDS = 24;
    /** One round sends one message of each of these kinds, in an order that differs per thread. */
    private static final int KINDS = 12;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    /** Acknowledged writes: order id -> SKUs whose AddItem was acknowledged ({@code ""} for the creation). */
    private final Map<String, Set<String>> acknowledged = new ConcurrentHashMap<>();
    private final List<String> violations = new CopyOnWriteArrayList<>();
    /** SQS message ids the service failed, each with the reason its log must give. */
    private final Map<String, String> failedSqs = new ConcurrentHashMap<>();
    /** Poison DynamoDB stream records the door acknowledged (parked). */
    private final Set<String> streamParked = ConcurrentHashMap.newKeySet();
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger rejected = new AtomicInteger();
    private final AtomicInteger unanswered = new AtomicInteger();

    private Path log;
    private String url;

    @Test
    void everyDoorAtOnceWithPoisonAndAKillLosesNoAcknowledgedWriteAndKeepsTheSummariesTrue() throws Exception {
        assertThat(CLI).as("the reactor packages the CLI before the example").exists();
        Path work = Files.createTempDirectory(Path.of("target"), "chaos-").toAbsolutePath();
        Path db = work.resolve("orders.db");
        log = work.resolve("app.log");
        int port = FreePort.pick();
        url = "http://127.0.0.1:" + port;
        Process app = start(db, port);
        try {
            List<Thread> senders = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                senders.add(Thread.ofPlatform().name("chaos-" + t).start(() -> send(thread)));
            }
            // The poison event: an item for an order never created, appended by another process.
            long poison;
            try (JdbcStores stores = JdbcStores.open("sqlite:" + db)) {
                poison = stores.events().append("order-ghost", List.of(new EventData("ItemAdded",
                        "{\"orderId\":\"ghost\",\"sku\":\"x\",\"quantity\":1,\"unitPriceCents\":1}"
                                .getBytes(StandardCharsets.UTF_8), Metadata.empty())), ExpectedVersion.noStream())
                        .get(0).globalPosition();
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (sent.get() < THREADS * ROUNDS * KINDS / 2 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            app.destroyForcibly(); // SIGKILL, mid-flight
            assertThat(app.waitFor(10, TimeUnit.SECONDS)).isTrue();
            app = start(db, port);
            for (Thread s : senders) {
                s.join(TimeUnit.SECONDS.toMillis(90));
                assertThat(s.isAlive()).as("sender %s finished", s.getName()).isFalse();
            }
            System.out.printf("chaos: %d messages, %d accepted, %d rejected, %d unanswered (killed)%n", sent.get(),
                    accepted.get(), rejected.get(), unanswered.get());
            assertThat(violations).as("answers that break the contract").isEmpty();
            assertThat(sent.get()).isEqualTo(THREADS * ROUNDS * KINDS);
            assertThat(accepted.get()).as("most valid messages got through").isGreaterThan(THREADS * ROUNDS);

            // Ready; degraded only by the poison events, each of them listed: the one appended to the store (at its
            // global position) and every stream record the Streams door parked (no global order there: position 0).
            HttpResponse<String> ready = get("/health/ready");
            assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
            Cli parked = cli("projections", "parked", "order-summary", "--url", url, "--json");
            assertThat(parked.exit()).as(parked::toString).isZero();
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> entries = (List<Map<String, Object>>) JsonCodecs.defaultCodec()
                    .read(parked.out().getBytes(StandardCharsets.UTF_8), Object.class);
            Set<String> parkedStreams = entries.stream().map(e -> (String) e.get("streamId"))
                    .collect(Collectors.toSet());
            assertThat(entries).filteredOn(e -> "order-ghost".equals(e.get("streamId"))).singleElement()
                    .satisfies(e -> {
                        assertThat(((Number) e.get("globalPosition")).longValue()).isEqualTo(poison);
                        assertThat((String) e.get("errorMessage")).contains("which has no OrderCreated");
                    });
            assertThat(entries).filteredOn(e -> !"order-ghost".equals(e.get("streamId"))).allSatisfy(e -> {
                assertThat((String) e.get("streamId")).startsWith("order-ghost-");
                assertThat(((Number) e.get("globalPosition")).longValue()).isZero();
            });
            streamParked.forEach(id -> assertThat(parkedStreams).as("stream record %s was acknowledged", id)
                    .contains("order-ghost-" + id));
            String count = entries.size() + " parked event(s), the first at global position 0";
            assertThat(get("/health").body()).contains("\"status\":\"DEGRADED\"", count);
            Cli status = cli("projections", "status", "--url", url);
            assertThat(status.exit()).as(status::toString).isEqualTo(1);
            assertThat(status.out()).contains("order-summary: RUNNING", count);
            Cli stored = cli("projections", "parked", "order-summary", "--store", "sqlite:" + db);
            assertThat(stored.out().lines()).hasSize(entries.size())
                    .anySatisfy(l -> assertThat(l).startsWith(poison + " order-ghost v1 ItemAdded, "));

            // Every rejected SQS message was reported with its reason in the log.
            String logText = Files.readString(log);
            failedSqs.forEach((id, reason) -> assertThat(logText).as("the log says why SQS message %s failed", id)
                    .containsPattern("SQS message " + id + "\\b.*" + reason));

            // No acknowledged write is lost; every summary is the fold of its stored events.
            Map<String, List<StoredEvent<OrderEvent>>> streams;
            try (JdbcStores stores = JdbcStores.open("sqlite:" + db)) {
                streams = EventStore.create(stores.events(), OrderEvent.types()).readAll(0)
                        .collect(Collectors.groupingBy(StoredEvent::streamId, TreeMap::new, Collectors.toList()));
            }
            acknowledged.forEach((order, skus) -> {
                List<StoredEvent<OrderEvent>> events = streams.getOrDefault("order-" + order, List.of());
                assertThat(events).as("order %s was acknowledged", order).isNotEmpty();
                assertThat(events.get(0).event()).isInstanceOf(OrderEvent.OrderCreated.class);
                Set<String> storedSkus = events.stream().map(StoredEvent::event)
                        .filter(e -> e instanceof OrderEvent.ItemAdded).map(e -> ((OrderEvent.ItemAdded) e).sku())
                        .collect(Collectors.toSet());
                skus.stream().filter(s -> !s.isEmpty()).forEach(s -> assertThat(storedSkus)
                        .as("acknowledged item %s of order %s", s, order).contains(s));
            });
            int folded = 0;
            for (var e : streams.entrySet()) {
                if (e.getKey().equals("order-ghost")) {
                    assertThat(get("/orders/ghost").statusCode()).isEqualTo(404);
                    continue;
                }
                assertThat(summary(e.getKey().substring("order-".length()))).as(e.getKey())
                        .isEqualTo(fold(e.getValue()));
                folded++;
            }
            assertThat(folded).isGreaterThanOrEqualTo(acknowledged.size());
            System.out.printf("chaos: %d orders acknowledged, %d streams folded and compared, %d SQS failures with"
                    + " reasons%n", acknowledged.size(), folded, failedSqs.size());

            // The operator drops the poison event by its position and a stream record by stream and version.
            Cli skip = cli("projections", "skip", "order-summary", Long.toString(poison), "--url", url);
            assertThat(skip.exit()).as(skip::toString).isZero();
            String ghost = (String) entries.stream().filter(e -> !"order-ghost".equals(e.get("streamId")))
                    .findFirst().orElseThrow().get("streamId");
            Cli skipStream = cli("projections", "skip", "order-summary", "--stream", ghost, "--stream-version", "2",
                    "--url", url);
            assertThat(skipStream.exit()).as(skipStream::toString).isZero();
            assertThat(cli("projections", "status", "--url", url).out())
                    .contains((entries.size() - 2) + " parked event(s)");
        } finally {
            app.destroyForcibly();
            app.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** One sender: {@link #ROUNDS} rounds of every kind of message, on its own orders. */
    private void send(int thread) {
        for (int round = 0; round < ROUNDS; round++) {
            for (int k = 0; k < KINDS; k++) {
                int kind = (k + thread * 5 + round) % KINDS;
                String id = "t" + thread + "-r" + round + "-k" + kind;
                try {
                    sendOne(kind, id);
                } catch (IOException e) {
                    unanswered.incrementAndGet(); // killed or restarting: not acknowledged, so nothing is owed
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException ie) {
                        return;
                    }
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException | AssertionError e) {
                    violations.add(id + ": " + e);
                } finally {
                    sent.incrementAndGet();
                }
            }
        }
    }

    private void sendOne(int kind, String id) throws IOException, InterruptedException {
        switch (kind) {
            case 0 -> { // HTTP: a valid order and item
                HttpResponse<String> r = post("/orders", "{\"orderId\":\"" + id + "\",\"customerId\":\"c\"}");
                if (expect(id, r, 201)) {
                    ack(id, "");
                    HttpResponse<String> item = post("/orders/" + id + "/items",
                            "{\"sku\":\"h-" + id + "\",\"quantity\":2,\"unitPriceCents\":150}");
                    if (expect(id, item, 200)) {
                        ack(id, "h-" + id);
                    }
                }
            }
            case 1 -> problem(id, post("/orders", "{\"orderId\":\"" + id + "\",\"customerId\":"), 400, null);
            case 2 -> problem(id, post("/orders", "{\"orderId\":\"" + id + "\"}"), 422, "customerId");
            case 3 -> { // over-deep JSON: where a string belongs, and in a field the command does not have
                problem(id, post("/orders", "{\"orderId\":\"" + id + "\",\"customerId\":"
                        + "[".repeat(5000) + "]".repeat(5000) + "}"), 400, null);
                HttpResponse<String> r = post("/orders", "{\"orderId\":\"" + id + "\",\"customerId\":\"d\","
                        + "\"extra\":" + "[".repeat(5000) + "]".repeat(5000) + "}");
                if (r.statusCode() == 201) {
                    accepted.incrementAndGet(); // an unknown field is skipped
                    ack(id, "");
                } else {
                    problem(id, r, 400, null); // or refused for its depth; never a server fault
                }
            }
            case 4 -> {
                HttpResponse<String> r = post("/orders/" + id + "/refund", "{}");
                if (r.statusCode() != 404 && r.statusCode() != 405) {
                    violations.add(id + ": an unknown command answered " + r.statusCode() + " " + r.body());
                } else {
                    rejected.incrementAndGet();
                }
            }
            case 5 -> sqs(id);
            case 6 -> { // EventBridge: a valid checkout
                HttpResponse<String> r = post("/_allframe/events/eventbridge?source=com.example.shop"
                        + "&detailType=CheckoutCompleted&id=" + id,
                        "{\"orderId\":\"" + id + "\",\"customerId\":\"e\"}");
                if (expect(id, r, 200)) {
                    ack(id, "");
                }
            }
            case 7 -> problem(id, post("/_allframe/events/eventbridge?source=com.example.shop"
                    + "&detailType=CheckoutCompleted&id=" + id, "{\"orderId\":\"" + id + "\"}"), 500, "customerId");
            case 8 -> problem(id, post("/_allframe/events/sns/no-such-topic?messageId=" + id,
                    "{\"type\":\"CreateOrder\",\"orderId\":\"" + id + "\",\"customerId\":\"s\"}"), 500,
                    "no-such-topic");
            case 9 -> { // S3: a dropped order file
                HttpResponse<String> r = post("/_allframe/events/s3/order-drops/incoming/s3c/" + id + ".json", "");
                if (expect(id, r, 200)) {
                    ack(id, "");
                }
            }
            case 10 -> problem(id, post("/_allframe/events/s3/order-drops/incoming/too/many/" + id + ".json", ""),
                    500, "order files go to incoming/CUSTOMER/ORDER_ID");
            case 11 -> { // DynamoDB Streams: a record the summaries cannot apply is parked; the batch succeeds
                HttpResponse<String> r = post("/_allframe/events", streamRecord(id));
                if (expect(id, r, 200)) {
                    if (r.body().equals("{\"batchItemFailures\":[]}")) {
                        streamParked.add(id);
                    } else {
                        violations.add(id + ": a poison stream record was not parked: " + r.body());
                    }
                }
            }
            default -> throw new IllegalStateException("kind " + kind);
        }
    }

    /**
     * An SQS batch of two valid and four poison messages (unknown type, no type, missing field, malformed JSON):
     * exactly the poison ones fail, each with its reason.
     */
    private void sqs(String id) throws IOException, InterruptedException {
        String batch = "[{\"type\":\"CreateOrder\",\"orderId\":\"" + id + "\",\"customerId\":\"q\"},"
                + "{\"type\":\"AddItem\",\"orderId\":\"" + id + "\",\"sku\":\"q-" + id + "\",\"quantity\":1,"
                + "\"unitPriceCents\":99},"
                + "{\"type\":\"RefundOrder\",\"orderId\":\"" + id + "\"},"
                + "{\"orderId\":\"" + id + "\"},"
                + "{\"type\":\"CreateOrder\",\"orderId\":\"" + id + "-b\"},"
                + "\"{\\\"type\\\":\\\"CreateOrder\\\",\\\"orderId\\\":\"]";
        String[] ids = {id + "-1", id + "-2", id + "-3", id + "-4", id + "-5", id + "-6"};
        HttpResponse<String> r = post("/_allframe/events/sqs/order-commands?" + java.util.Arrays.stream(ids)
                .map(m -> "messageId=" + m).collect(Collectors.joining("&")), batch);
        if (!expect(id, r, 200)) {
            return;
        }
        String failures = "{\"batchItemFailures\":[{\"itemIdentifier\":\"" + ids[2] + "\"},{\"itemIdentifier\":\""
                + ids[3] + "\"},{\"itemIdentifier\":\"" + ids[4] + "\"},{\"itemIdentifier\":\"" + ids[5]
                + "\"}]";
        if (!r.body().startsWith(failures)) {
            violations.add(id + ": SQS answered " + r.body());
            return;
        }
        ack(id, "");
        ack(id, "q-" + id);
        accepted.addAndGet(2);
        rejected.addAndGet(4);
        failedSqs.put(ids[2], "unknown command 'RefundOrder'");
        failedSqs.put(ids[3], "names no command");
        failedSqs.put(ids[4], "customerId must not be blank");
        failedSqs.put(ids[5], "the body is not valid JSON");
    }

    /** A DynamoDB Streams INSERT of an item for an order that was never created. */
    private static String streamRecord(String id) {
        String payload = "{\\\"orderId\\\":\\\"ghost-" + id
                + "\\\",\\\"sku\\\":\\\"x\\\",\\\"quantity\\\":1,\\\"unitPriceCents\\\":1}";
        return """
                {"Records":[{"eventID":"%1$s","eventName":"INSERT","eventVersion":"1.1","eventSource":"aws:dynamodb",
                 "awsRegion":"us-east-1","dynamodb":{"ApproximateCreationDateTime":1795000000,
                 "Keys":{"PK":{"S":"order-ghost-%1$s"},"SK":{"S":"%2$020d"}},
                 "NewImage":{"PK":{"S":"order-ghost-%1$s"},"SK":{"S":"%2$020d"},"event_type":{"S":"ItemAdded"},
                  "payload":{"S":"%3$s"},"metadata":{"S":"{}"},"timestamp":{"S":"2026-11-27T08:00:00Z"}},
                 "SequenceNumber":"%4$d","SizeBytes":200,"StreamViewType":"NEW_AND_OLD_IMAGES"},
                 "eventSourceARN":"arn:aws:dynamodb:us-east-1:000000000000:table/events/stream/2026-11-27T00:00:00.000"}]}
                """.formatted(id, 2, payload, Math.abs(id.hashCode()));
    }

    private void ack(String order, String sku) {
        acknowledged.computeIfAbsent(order, o -> ConcurrentHashMap.newKeySet()).add(sku);
    }

    private boolean expect(String id, HttpResponse<String> r, int status) {
        if (r.statusCode() == status) {
            accepted.incrementAndGet();
            return true;
        }
        if (r.statusCode() == 503) {
            return false; // restarting: not acknowledged
        }
        violations.add(id + ": expected " + status + ", got " + r.statusCode() + " " + r.body());
        return false;
    }

    /** A rejection: the status, a problem body, and the reason named in it. */
    private void problem(String id, HttpResponse<String> r, int status, String reason) {
        if (r.statusCode() == 503) {
            return;
        }
        if (r.statusCode() != status || !r.headers().firstValue("content-type").orElse("")
                .startsWith("application/problem+json") || reason != null && !r.body().contains(reason)) {
            violations.add(id + ": expected a " + status + " problem naming " + reason + ", got " + r.statusCode()
                    + " " + r.body());
        } else {
            rejected.incrementAndGet();
        }
    }

    /** What {@code GET /orders/{id}} answers, as comparable values. */
    private Map<String, Object> summary(String order) throws Exception {
        HttpResponse<String> r = get("/orders/" + order);
        assertThat(r.statusCode()).as("GET /orders/%s: %s", order, r.body()).isEqualTo(200);
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) JsonCodecs.defaultCodec()
                .read(r.body().getBytes(StandardCharsets.UTF_8), Object.class);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) m.get("items");
        return Map.of("customerId", m.get("customerId"), "status", m.get("status"),
                "items", items.stream().map(i -> i.get("sku") + "x" + ((Number) i.get("quantity")).longValue() + "@"
                        + ((Number) i.get("unitPriceCents")).longValue()).toList(),
                "totalCents", ((Number) m.get("totalCents")).longValue(),
                "version", ((Number) m.get("version")).longValue());
    }

    /** The same, recomputed from the stored events alone. */
    private static Map<String, Object> fold(List<StoredEvent<OrderEvent>> events) {
        String customer = null;
        String status = null;
        List<String> items = new ArrayList<>();
        long total = 0;
        for (StoredEvent<OrderEvent> s : events) {
            switch (s.event()) {
                case OrderEvent.OrderCreated c -> {
                    customer = c.customerId();
                    status = "OPEN";
                }
                case OrderEvent.ItemAdded a -> {
                    items.add(a.sku() + "x" + a.quantity() + "@" + a.unitPriceCents());
                    total += a.quantity() * a.unitPriceCents();
                }
                case OrderEvent.OrderSubmitted ignored -> status = "SUBMITTED";
            }
        }
        return Map.of("customerId", customer, "status", status, "items", items, "totalCents", total,
                "version", events.get(events.size() - 1).version());
    }

    private Process start(Path db, int port) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(JAVA, "-jar", Path.of("target", "orders.jar").toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().keySet().removeIf(k -> k.equals("K_SERVICE") || k.startsWith("AWS_LAMBDA_"));
        pb.environment().put("ALLFRAME_DEV", "1");
        pb.environment().put("PORT", Integer.toString(port));
        pb.environment().put("ALLFRAME_STORE", "sqlite:" + db);
        pb.environment().put("ALLFRAME_ADMIN_TOKEN", TOKEN);
        Process app = pb.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!app.isAlive()) {
                throw new AssertionError("the app exited: " + Files.readString(log));
            }
            try {
                if (get("/health/ready").statusCode() == 200) {
                    return app;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(50); // waiting for a child process to listen: nothing to wait on but the port
        }
        app.destroyForcibly();
        throw new AssertionError("the app was not ready in 60 s: " + Files.readString(log));
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(30))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private record Cli(int exit, String out, String err) {
    }

    private Cli cli(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(JAVA, "-jar", CLI.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("ALLFRAME_ADMIN_TOKEN", TOKEN);
        Path out = Files.createTempFile(log.getParent(), "cli-", ".out");
        Path err = Files.createTempFile(log.getParent(), "cli-", ".err");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Cli(p.exitValue(), Files.readString(out), Files.readString(err));
    }
}
