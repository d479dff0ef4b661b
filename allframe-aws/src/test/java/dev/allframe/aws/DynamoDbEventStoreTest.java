package dev.allframe.aws;

import dev.allframe.eventstore.ConcurrencyConflictException;
import dev.allframe.eventstore.EventData;
import dev.allframe.eventstore.ExpectedVersion;
import dev.allframe.eventstore.Metadata;
import dev.allframe.eventstore.RecordedEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the DynamoDB backend promises beyond the conformance kit: round trips, the item schema, limits, paging. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DynamoDbEventStoreTest {
    private final Interceptors.Counting requests = new Interceptors.Counting();
    private final Interceptors.Transactions transactions = new Interceptors.Transactions();
    private DynamoDbClient client;
    private String table;
    private DynamoDbEventStoreBackend store;

    @BeforeEach
    void open() {
        client = StandIns.dynamoDb(requests, transactions);
        table = StandIns.newTable(client);
        store = DynamoDbEventStoreBackend.create(client, table);
    }

    @AfterEach
    void close() {
        client.deleteTable(b -> b.tableName(table));
        client.close();
    }

    private static List<EventData> events(int n, String prefix) {
        List<EventData> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new EventData("Deposited", ("{\"n\":\"" + prefix + i + "\"}").getBytes(StandardCharsets.UTF_8),
                    Metadata.of("correlation-id", prefix + i)));
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 10, 50, DynamoDbEventStoreBackend.MAX_EVENTS})
    void anAppendWithAKnownVersionIsOneRequestWhateverItsEventCount(int count) {
        store.append("warm-up", events(1, "w"), ExpectedVersion.noStream()); // the first append reads the counter
        store.append("acc", events(1, "a"), ExpectedVersion.noStream());
        requests.reset();
        transactions.reset();

        store.append("acc", events(count, "b"), ExpectedVersion.exactly(1));

        assertThat(requests.byOperation()).isEqualTo(Map.of("TransactWriteItems", 1));
        // This instance wrote version 1, so it needs no version check: the events and the counter only.
        assertThat(transactions.sent()).containsExactly((count + 1) + " items, 0 check");
        assertThat(store.read("acc", 1)).hasSize(1 + count);
    }

    @Test
    void aNewStreamTakesNinetyNineEventsInOneRequest() {
        store.append("warm-up", events(1, "w"), ExpectedVersion.noStream());
        requests.reset();
        transactions.reset();
        List<RecordedEvent> appended = store.append("big", events(DynamoDbEventStoreBackend.MAX_EVENTS, "e"),
                ExpectedVersion.noStream());
        assertThat(requests.byOperation()).isEqualTo(Map.of("TransactWriteItems", 1));
        assertThat(transactions.sent()).containsExactly("100 items, 0 check");
        assertThat(appended).extracting(RecordedEvent::globalPosition)
                .containsExactlyElementsOf(LongStream.rangeClosed(2, 100).boxed().toList());
    }

    @Test
    void rejectsAppendsLargerThanOneTransactionBeforeAnyRequest() {
        store.append("acc", events(1, "a"), ExpectedVersion.noStream());
        requests.reset();
        assertThatThrownBy(() -> store.append("acc", events(100, "x"), ExpectedVersion.exactly(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("holds 100 events (expected <= 99)")
                .hasMessageContaining("TransactWriteItems takes 100 items")
                .hasMessageContaining("global-position counter");
        assertThatThrownBy(() -> store.append("new", events(100, "x"), ExpectedVersion.noStream()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("(expected <= 99)");
        assertThatThrownBy(() -> store.append("acc", events(100, "x"), ExpectedVersion.any()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("(expected <= 99)");
        // Past the core's own limit of 100 the core refuses first (EventStoreLimits); the backend alone still
        // refuses with its tighter one.
        assertThatThrownBy(() -> store.append("new", events(101, "x"), ExpectedVersion.any()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("(expected <= 99)");
        assertThat(requests.total()).isZero();
        assertThat(store.version("new")).isZero();
    }

    @Test
    void anAnyAppendOfNinetyNineEventsToAStreamWrittenElsewhereReadsItsVersionThenNeedsNoCheck() {
        try (DynamoDbEventStoreBackend other = DynamoDbEventStoreBackend.create(client, table)) {
            other.append("acc", events(1, "a"), ExpectedVersion.noStream());
        }
        store.append("warm-up", events(1, "w"), ExpectedVersion.noStream());
        requests.reset();
        transactions.reset();
        store.append("acc", events(99, "x"), ExpectedVersion.any());
        // The version query proves version 1 exists, so the one transaction needs no check.
        assertThat(requests.byOperation()).isEqualTo(Map.of("Query", 1, "TransactWriteItems", 1));
        assertThat(transactions.sent()).containsOnly("100 items, 0 check");
        assertThat(store.version("acc")).isEqualTo(100);
    }

    @Test
    void aStreamThisInstanceHasNotSeenTakesNinetyEightEventsWithTheVersionCheckInOneRequest() {
        store.append("warm-up", events(1, "w"), ExpectedVersion.noStream());
        try (DynamoDbEventStoreBackend other = DynamoDbEventStoreBackend.create(client, table)) {
            other.append("acc", events(1, "a"), ExpectedVersion.noStream());
        }
        store.append("warm-up", events(1, "v"), ExpectedVersion.exactly(1)); // learns the moved counter
        requests.reset();
        transactions.reset();
        store.append("acc", events(98, "x"), ExpectedVersion.exactly(1));
        assertThat(requests.byOperation()).isEqualTo(Map.of("TransactWriteItems", 1));
        assertThat(transactions.sent()).containsExactly("100 items, 1 check");
        assertThat(store.version("acc")).isEqualTo(99);
    }

    @Test
    void aFullAppendToAStreamThisInstanceHasNotSeenProvesTheVersionWithOneReadInsteadOfTheCheck() {
        store.append("warm-up", events(1, "w"), ExpectedVersion.noStream());
        try (DynamoDbEventStoreBackend other = DynamoDbEventStoreBackend.create(client, table)) {
            other.append("acc", events(1, "a"), ExpectedVersion.noStream());
        }
        store.append("warm-up", events(1, "v"), ExpectedVersion.exactly(1));
        requests.reset();
        transactions.reset();
        store.append("acc", events(99, "x"), ExpectedVersion.exactly(1));
        assertThat(requests.byOperation()).isEqualTo(Map.of("GetItem", 1, "TransactWriteItems", 1));
        assertThat(transactions.sent()).containsExactly("100 items, 0 check");
        assertThat(store.read("acc", 1)).hasSize(100);
    }

    @Test
    void aWrongExpectedVersionIsRejectedWhicheverWayTheVersionIsProven() {
        try (DynamoDbEventStoreBackend other = DynamoDbEventStoreBackend.create(client, table)) {
            other.append("acc", events(1, "a"), ExpectedVersion.noStream());
        }
        // Not seen here: a version above the stream's would leave a hole; the check (or the read) refuses it.
        for (int size : new int[] {1, 98, 99}) {
            assertThatThrownBy(() -> store.append("acc", events(size, "x"), ExpectedVersion.exactly(5)))
                    .as("%d events", size)
                    .isInstanceOfSatisfying(ConcurrencyConflictException.class,
                            e -> assertThat(e.actual()).isEqualTo(1));
        }
        // Seen here (version 1 was read): a version at or below the stream's is refused by the first Put.
        assertThat(store.read("acc", 1)).hasSize(1);
        store.append("acc", events(1, "b"), ExpectedVersion.exactly(1));
        for (int size : new int[] {1, 99}) {
            assertThatThrownBy(() -> store.append("acc", events(size, "y"), ExpectedVersion.exactly(1)))
                    .isInstanceOfSatisfying(ConcurrencyConflictException.class,
                            e -> assertThat(e.actual()).isEqualTo(2));
            assertThatThrownBy(() -> store.append("acc", events(size, "y"), ExpectedVersion.noStream()))
                    .isInstanceOf(ConcurrencyConflictException.class);
        }
        assertThat(store.read("acc", 1)).extracting(RecordedEvent::version).containsExactly(1L, 2L);
        assertThat(store.readAll(1, 1000)).extracting(RecordedEvent::globalPosition).containsExactly(1L, 2L);
    }

    @Test
    void aStaleVersionIsAConflictWithTheActualVersionAndWritesNothing() {
        store.append("acc", events(3, "a"), ExpectedVersion.noStream());
        requests.reset();
        assertThatThrownBy(() -> store.append("acc", events(2, "b"), ExpectedVersion.exactly(1)))
                .isInstanceOfSatisfying(ConcurrencyConflictException.class, e -> {
                    assertThat(e.actual()).isEqualTo(3);
                    assertThat(e.expected()).isEqualTo(ExpectedVersion.exactly(1));
                });
        // The failed transaction, then one consistent read for the actual version.
        assertThat(requests.byOperation()).isEqualTo(Map.of("TransactWriteItems", 1, "Query", 1));
        assertThatThrownBy(() -> store.append("acc", events(1, "c"), ExpectedVersion.exactly(7)))
                .isInstanceOfSatisfying(ConcurrencyConflictException.class, e -> assertThat(e.actual()).isEqualTo(3));
        assertThat(store.read("acc", 1)).hasSize(3);
        // The failed appends took no global positions: the next one follows on.
        assertThat(store.append("acc", events(1, "d"), ExpectedVersion.exactly(3)).get(0).globalPosition())
                .isEqualTo(4);
    }

    @Test
    void twoInstancesOnOneTableShareGapFreePositionsAndAMovedCounterCostsOneMoreRequest() {
        try (DynamoDbEventStoreBackend other = DynamoDbEventStoreBackend.create(client, table)) {
            store.append("a", events(2, "a"), ExpectedVersion.noStream());
            other.append("b", events(3, "b"), ExpectedVersion.noStream());
            requests.reset();
            // This instance still believes the counter is at 2: the transaction fails on it, and the cancellation
            // reason carries the counter's value, so the retry needs no read.
            List<RecordedEvent> next = store.append("a", events(1, "c"), ExpectedVersion.exactly(2));
            assertThat(requests.byOperation()).isEqualTo(Map.of("TransactWriteItems", 2));
            assertThat(next.get(0).globalPosition()).isEqualTo(6);
        }
        assertThat(store.readAll(1, 100)).extracting(RecordedEvent::globalPosition)
                .containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
    }

    @Test
    void anyAppendsFromSeparateInstancesRacingOnOneStreamAllLandOnce() throws Exception {
        int writers = 4;
        int each = 10;
        List<DynamoDbEventStoreBackend> instances = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            instances.add(DynamoDbEventStoreBackend.create(client, table));
        }
        try (java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(writers)) {
            List<java.util.concurrent.Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                DynamoDbEventStoreBackend instance = instances.get(w);
                int writer = w;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        instance.append("hot", events(1, writer + "-" + i + "-"), ExpectedVersion.any());
                    }
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> f : done) {
                f.get();
            }
        }
        List<RecordedEvent> events = store.read("hot", 1);
        assertThat(events).extracting(RecordedEvent::version)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, writers * each).boxed().toList());
        assertThat(events).extracting(e -> e.metadata().get("correlation-id").orElseThrow()).doesNotHaveDuplicates();
        assertThat(store.readAll(1, 1000)).extracting(RecordedEvent::globalPosition)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, writers * each).boxed().toList());
    }

    @Test
    void writesTheSharedItemSchema() {
        Instant before = Instant.now().minusSeconds(1);
        store.append("order-1", List.of(new EventData("OrderCreated",
                "{\"id\":\"order-1\",\"name\":\"caf\u00e9\"}".getBytes(StandardCharsets.UTF_8),
                Metadata.of("correlation-id", "c-1"))), ExpectedVersion.noStream());
        Map<String, AttributeValue> item = client.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Map.of("PK", AttributeValue.fromS("order-1"),
                        "SK", AttributeValue.fromS("00000000000000000001")))).item();
        assertThat(item.keySet()).containsExactlyInAnyOrder("PK", "SK", "event_type", "payload", "metadata",
                "timestamp", "global_position", "time_bucket");
        assertThat(item.get("event_type").s()).isEqualTo("OrderCreated");
        assertThat(item.get("payload").s()).isEqualTo("{\"id\":\"order-1\",\"name\":\"caf\u00e9\"}");
        assertThat(item.get("metadata").s()).isEqualTo("{\"correlation-id\":\"c-1\"}");
        assertThat(item.get("timestamp").s()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(Instant.parse(item.get("timestamp").s())).isAfter(before);
        assertThat(item.get("global_position").n()).isEqualTo("1");
        assertThat(item.get("time_bucket").s()).isEqualTo("p0");
        Map<String, AttributeValue> counter = client.getItem(b -> b.tableName(table).consistentRead(true)
                .key(DynamoDbSchema.key("$global", "$global"))).item();
        assertThat(counter.get("head").n()).isEqualTo("1");
    }

    @Test
    void keepsANonUtf8PayloadAsBytes() {
        byte[] payload = {(byte) 0xc3, (byte) 0x28, 0, 1};
        store.append("bin", List.of(new EventData("Blob", payload, null)), ExpectedVersion.noStream());
        Map<String, AttributeValue> item = client.getItem(b -> b.tableName(table).consistentRead(true)
                .key(DynamoDbSchema.key("bin", DynamoDbSchema.sortKey(1)))).item();
        assertThat(item).doesNotContainKey("payload");
        assertThat(item.get("payload_bytes").b().asByteArray()).containsExactly(payload);
        assertThat(store.read("bin", 1).get(0).payload()).containsExactly(payload);
    }

    @Test
    void rejectsStreamIdsInTheReservedPrefix() {
        assertThatThrownBy(() -> store.append("$global", events(1, "x"), ExpectedVersion.any()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not start with '$'");
        assertThat(store.read("$global", 1)).isEmpty();
        assertThat(store.version("$checkpoint#p")).isZero();
    }

    @Test
    void readsAStreamLargerThanOneQueryPage() {
        byte[] big = new byte[150 * 1024];
        Arrays.fill(big, (byte) 'x');
        List<EventData> batch = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            batch.add(new EventData("Big", big, null));
        }
        store.append("big", batch, ExpectedVersion.noStream());
        store.append("big", batch, ExpectedVersion.exactly(8));
        requests.reset();
        List<RecordedEvent> read = store.read("big", 1);
        assertThat(read).extracting(RecordedEvent::version)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 16).boxed().toList());
        assertThat(requests.byOperation().get("Query")).as("pages of at most 1 MB").isGreaterThan(1);
        assertThat(store.readAll(1, 100)).hasSize(16);
    }

    @Test
    void readAllCrossesIndexBucketsAndStopsBeforeAHole() {
        for (int i = 0; i < 5; i++) {
            store.append("s" + i, events(50, "e"), ExpectedVersion.noStream());
        }
        List<RecordedEvent> all = new ArrayList<>();
        List<RecordedEvent> page;
        long next = 1;
        while (!(page = store.readAll(next, 37)).isEmpty()) {
            all.addAll(page);
            next = page.get(page.size() - 1).globalPosition() + 1;
        }
        assertThat(all).extracting(RecordedEvent::globalPosition)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 250).boxed().toList());

        // An item at position 252 without 251, as an index that has not caught up would show it: the reader
        // must stop at 250 rather than pass over 251.
        RecordedEvent ahead = new RecordedEvent("late", 1, 252, "Deposited", "{}".getBytes(StandardCharsets.UTF_8),
                null, Instant.now());
        client.putItem(b -> b.tableName(table).item(new HashMap<>(DynamoDbSchema.eventItem(ahead))));
        assertThat(store.readAll(240, 100)).extracting(RecordedEvent::globalPosition)
                .containsExactlyElementsOf(LongStream.rangeClosed(240, 250).boxed().toList());
        assertThat(store.readAll(251, 100)).isEmpty();
    }
}
