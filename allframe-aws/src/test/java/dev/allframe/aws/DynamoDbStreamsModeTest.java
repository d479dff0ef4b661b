package dev.allframe.aws;

import dev.allframe.eventstore.ConcurrencyConflictException;
import dev.allframe.eventstore.EventData;
import dev.allframe.eventstore.EventStore;
import dev.allframe.eventstore.ExpectedVersion;
import dev.allframe.eventstore.Metadata;
import dev.allframe.eventstore.RecordedEvent;
import dev.allframe.testkit.eventstore.SampleEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Global order mode {@code streams} on a real DynamoDB API server (dynoxide): no counter item, so an append of up
 * to 100 events is one {@code TransactWriteItems}, events carry no global position and {@code readAll} is a clear
 * error pointing at the table's stream.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DynamoDbStreamsModeTest {
    private final Interceptors.Counting requests = new Interceptors.Counting();
    private final Interceptors.Transactions transactions = new Interceptors.Transactions();
    private DynamoDbClient client;
    private String table;
    private DynamoDbEventStoreBackend store;

    @BeforeEach
    void open() {
        client = StandIns.dynamoDb(requests, transactions);
        table = StandIns.newTable(client);
        store = DynamoDbEventStoreBackend.create(client, table, false, GlobalOrder.STREAMS);
        requests.reset();
        transactions.reset();
    }

    @AfterEach
    void close() {
        client.deleteTable(b -> b.tableName(table));
        client.close();
    }

    static List<EventData> events(int n, String prefix) {
        List<EventData> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new EventData("Deposited", ("{\"n\":\"" + prefix + i + "\"}").getBytes(StandardCharsets.UTF_8),
                    Metadata.of("correlation-id", prefix + i)));
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 50, 100})
    void aNewStreamTakesUpToOneHundredEventsInExactlyOneTransactionWithoutACounter(int count) {
        List<RecordedEvent> appended = store.append("new", events(count, "n"), ExpectedVersion.noStream());

        assertThat(requests.byOperation()).isEqualTo(Map.of("TransactWriteItems", 1));
        assertThat(transactions.sent()).containsExactly(count + " items, 0 check");
        assertThat(appended).extracting(RecordedEvent::version)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, count).boxed().toList());
        assertThat(appended).extracting(RecordedEvent::globalPosition).containsOnly(0L);
        assertThat(client.getItem(b -> b.tableName(table).key(DynamoDbSchema.key("$global", "$global"))).hasItem())
                .as("no counter item").isFalse();
        assertThat(store.read("new", 1)).hasSize(count);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 50, 100})
    void anAppendAtAVersionThisInstanceHasSeenIsExactlyOneTransaction(int count) {
        store.append("acc", events(1, "a"), ExpectedVersion.noStream());
        requests.reset();
        transactions.reset();

        store.append("acc", events(count, "b"), ExpectedVersion.exactly(1));

        assertThat(requests.byOperation()).isEqualTo(Map.of("TransactWriteItems", 1));
        assertThat(transactions.sent()).containsExactly(count + " items, 0 check");
        assertThat(store.read("acc", 1)).extracting(RecordedEvent::version)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 1 + count).boxed().toList());
    }

    @Test
    void anUnseenVersionIsCheckedInTheTransactionUpToNinetyNineEvents() {
        try (DynamoDbEventStoreBackend other = DynamoDbEventStoreBackend.create(client, table, false, GlobalOrder.STREAMS)) {
            other.append("acc", events(1, "a"), ExpectedVersion.noStream());
        }
        requests.reset();
        transactions.reset();
        store.append("acc", events(99, "x"), ExpectedVersion.exactly(1));
        assertThat(requests.byOperation()).isEqualTo(Map.of("TransactWriteItems", 1));
        assertThat(transactions.sent()).containsExactly("100 items, 1 check");
        assertThat(store.version("acc")).isEqualTo(100);
    }

    @Test
    void oneHundredEventsAtAnUnseenVersionAreProvedByOneReadThenOneTransaction() {
        try (DynamoDbEventStoreBackend other = DynamoDbEventStoreBackend.create(client, table, false, GlobalOrder.STREAMS)) {
            other.append("acc", events(3, "a"), ExpectedVersion.noStream());
        }
        requests.reset();
        transactions.reset();
        store.append("acc", events(100, "x"), ExpectedVersion.exactly(3));
        // The check would be the 101st item: one consistent GetItem proves version 3 instead.
        assertThat(requests.byOperation()).isEqualTo(Map.of("GetItem", 1, "TransactWriteItems", 1));
        assertThat(transactions.sent()).containsExactly("100 items, 0 check");
        assertThat(store.version("acc")).isEqualTo(103);
    }

    @Test
    void anAnyAppendOfOneHundredEventsToAStreamWrittenElsewhereReadsItsVersionThenNeedsNoCheck() {
        try (DynamoDbEventStoreBackend other = DynamoDbEventStoreBackend.create(client, table, false, GlobalOrder.STREAMS)) {
            other.append("acc", events(2, "a"), ExpectedVersion.noStream());
        }
        requests.reset();
        transactions.reset();
        store.append("acc", events(100, "x"), ExpectedVersion.any());
        // The version query proves version 2 exists, so the one transaction is the 100 Puts alone.
        assertThat(requests.byOperation()).isEqualTo(Map.of("Query", 1, "TransactWriteItems", 1));
        assertThat(transactions.sent()).containsExactly("100 items, 0 check");
        assertThat(store.version("acc")).isEqualTo(102);
    }

    @Test
    void oneHundredEventsAtAnUnseenVersionThatDoesNotExistAreAConflictWithTheActualVersionAndWriteNothing() {
        try (DynamoDbEventStoreBackend other = DynamoDbEventStoreBackend.create(client, table, false, GlobalOrder.STREAMS)) {
            other.append("acc", events(2, "a"), ExpectedVersion.noStream());
        }
        transactions.reset();
        assertThatThrownBy(() -> store.append("acc", events(100, "x"), ExpectedVersion.exactly(5)))
                .isInstanceOfSatisfying(ConcurrencyConflictException.class, e -> {
                    assertThat(e.expected()).isEqualTo(ExpectedVersion.exactly(5));
                    assertThat(e.actual()).isEqualTo(2);
                });
        assertThat(transactions.sent()).isEmpty();
        assertThat(store.version("acc")).isEqualTo(2);
    }

    @Test
    void aStaleVersionIsAConflictCarryingTheActualVersion() {
        store.append("acc", events(1, "a"), ExpectedVersion.noStream());
        try (DynamoDbEventStoreBackend other = DynamoDbEventStoreBackend.create(client, table, false, GlobalOrder.STREAMS)) {
            other.append("acc", events(4, "b"), ExpectedVersion.any());
        }
        for (int count : new int[] {1, 100}) {
            assertThatThrownBy(() -> store.append("acc", events(count, "x"), ExpectedVersion.exactly(1)))
                    .isInstanceOfSatisfying(ConcurrencyConflictException.class, e -> {
                        assertThat(e.streamId()).isEqualTo("acc");
                        assertThat(e.actual()).isEqualTo(5);
                    });
        }
        assertThatThrownBy(() -> store.append("acc", events(100, "x"), ExpectedVersion.noStream()))
                .isInstanceOfSatisfying(ConcurrencyConflictException.class, e -> assertThat(e.actual()).isEqualTo(5));
        assertThat(store.append("acc", events(100, "y"), ExpectedVersion.any())).extracting(RecordedEvent::version)
                .first().isEqualTo(6L);
        assertThat(store.version("acc")).isEqualTo(105);
    }

    @Test
    void rejectsOneHundredAndOneEventsClearlyBeforeAnyRequest() {
        assertThat(store.maxEvents()).isEqualTo(100);
        assertThatThrownBy(() -> store.append("acc", events(101, "x"), ExpectedVersion.noStream()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("holds 101 events (expected <= 100)");
        assertThat(requests.total()).isZero();
    }

    @Test
    void counterModeStillNamesStreamsModeWhenAHundredEventsDoNotFit() {
        DynamoDbEventStoreBackend counter = DynamoDbEventStoreBackend.create(client, table);
        assertThat(counter.globalOrder()).isEqualTo(GlobalOrder.COUNTER);
        assertThat(counter.maxEvents()).isEqualTo(99);
        assertThatThrownBy(() -> counter.append("acc", events(100, "x"), ExpectedVersion.noStream()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("(expected <= 99)")
                .hasMessageContaining("global order mode 'streams'");
    }

    @Test
    void readAllAndSubscriptionsAreRefusedAtOnceNamingTheModeAndTheAlternatives() throws Exception {
        store.append("acc", events(1, "a"), ExpectedVersion.noStream());
        requests.reset();
        assertThatThrownBy(() -> store.readAll(1, 10))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("global order mode 'streams'")
                .hasMessageContaining("ALLFRAME_GLOBAL_ORDER=streams")
                .hasMessageContaining("DynamoDB Streams door")
                .hasMessageContaining("ALLFRAME_GLOBAL_ORDER=counter");
        assertThat(requests.total()).as("no request for a read that cannot work").isZero();

        EventStore<SampleEvent> typed = EventStore.create(store, SampleEvent.types());
        assertThatThrownBy(() -> typed.readAll(1).toList()).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("global order mode 'streams'");
        assertThatThrownBy(() -> typed.subscribe(1, e -> { }))
                .as("refused when asked for, rather than a subscription that fails on its first read")
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("DynamoDB Streams door");
        assertThat(store.capabilities().globalOrder()).isFalse();
        assertThat(requests.total()).as("no request for a read that cannot work").isZero();
    }

    @Test
    void eventItemsCarryNoGlobalPositionAndReadBackWithPositionZero() {
        store.append("acc", events(2, "a"), ExpectedVersion.noStream());
        Map<String, AttributeValue> item = client.getItem(b -> b.tableName(table).consistentRead(true)
                .key(DynamoDbSchema.key("acc", DynamoDbSchema.sortKey(1)))).item();
        assertThat(item).containsKeys("PK", "SK", "event_type", "payload", "metadata", "timestamp")
                .doesNotContainKeys("global_position", "time_bucket");
        assertThat(store.read("acc", 1)).extracting(RecordedEvent::globalPosition).containsExactly(0L, 0L);
        assertThat(new String(store.read("acc", 2).get(0).payload(), StandardCharsets.UTF_8))
                .isEqualTo("{\"n\":\"a1\"}");
    }
}
