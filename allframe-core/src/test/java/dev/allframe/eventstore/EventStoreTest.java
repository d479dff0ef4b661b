package dev.allframe.eventstore;

import dev.allframe.eventstore.inmemory.InMemoryEventStoreBackend;
import dev.allframe.testdomain.CartEvent;
import dev.allframe.testdomain.CartEvent.CartOpened;
import dev.allframe.testdomain.CartEvent.CheckedOut;
import dev.allframe.testdomain.CartEvent.ItemAdded;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventStoreTest {
    private final InMemoryEventStoreBackend backend = InMemoryEventStoreBackend.create();
    private final EventStore<CartEvent> store = EventStore.create(backend, CartEvent.types());

    @Test
    void appendsAndReadsAStreamInOrderWithVersionsAndTypeNames() {
        long v = store.append("cart-1", List.of(new CartOpened("1", "ann"), new ItemAdded("1", "apple", 2)),
                ExpectedVersion.noStream());
        assertThat(v).isEqualTo(2);
        List<StoredEvent<CartEvent>> events = store.read("cart-1");
        assertThat(events).extracting(StoredEvent::version).containsExactly(1L, 2L);
        assertThat(events).extracting(StoredEvent::type).containsExactly("CartOpened", "ItemAdded.v2");
        assertThat(events.get(1).event()).isEqualTo(new ItemAdded("1", "apple", 2));
        assertThat(store.read("cart-1", 2)).hasSize(1);
        assertThat(store.read("missing")).isEmpty();
    }

    @Test
    void rejectsAnAppendWithAStaleVersionNamingExpectedAndActual() {
        store.append("cart-1", List.of(new CartOpened("1", "ann")), ExpectedVersion.noStream());
        assertThatThrownBy(() -> store.append("cart-1", List.of(new CheckedOut("1")), ExpectedVersion.noStream()))
                .isInstanceOfSatisfying(ConcurrencyConflictException.class, e -> {
                    assertThat(e.actual()).isEqualTo(1);
                    assertThat(e.expected()).isEqualTo(ExpectedVersion.noStream());
                    assertThat(e.getMessage()).contains("cart-1", "expected version no stream", "actual version 1");
                });
        assertThat(store.read("cart-1")).hasSize(1);
    }

    @Test
    void upcastsAnOldPayloadShapeIntoTheCurrentClass() {
        backend.append("cart-9", List.of(new EventData("ItemAdded",
                "{\"cartId\":\"9\",\"sku\":\"pear\"}".getBytes(StandardCharsets.UTF_8), Metadata.empty())),
                ExpectedVersion.any());
        StoredEvent<CartEvent> e = store.read("cart-9").get(0);
        assertThat(e.event()).isEqualTo(new ItemAdded("9", "pear", 1));
        assertThat(e.type()).isEqualTo("ItemAdded.v2");
    }

    @Test
    void failsClearlyOnAnUnknownTypeNameInsteadOfSkippingIt() {
        backend.append("cart-5", List.of(new EventData("Exploded", "{}".getBytes(StandardCharsets.UTF_8), null)),
                ExpectedVersion.any());
        assertThatThrownBy(() -> store.read("cart-5"))
                .isInstanceOf(UnknownEventTypeException.class)
                .hasMessageContaining("Unknown event type 'Exploded'")
                .hasMessageContaining("stream 'cart-5' version 1")
                .hasMessageContaining("CartOpened");
    }

    @Test
    void refusesToAppendAnUnregisteredEventClass() {
        EventStore<CartEvent> partial = EventStore.create(backend,
                EventTypes.builder(CartEvent.class).register(CartOpened.class).build());
        assertThatThrownBy(() -> partial.append("cart-1", List.of(new CheckedOut("1")), ExpectedVersion.any()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CheckedOut is not registered");
    }

    @Test
    void readAllReturnsEveryStreamInGlobalOrderFromAPosition() {
        store.append("cart-1", List.of(new CartOpened("1", "ann")), ExpectedVersion.any());
        store.append("cart-2", List.of(new CartOpened("2", "bob")), ExpectedVersion.any());
        store.append("cart-1", List.of(new CheckedOut("1")), ExpectedVersion.any());
        assertThat(store.readAll(1).map(StoredEvent::globalPosition).toList()).containsExactly(1L, 2L, 3L);
        assertThat(store.readAll(2).map(StoredEvent::streamId).toList()).containsExactly("cart-2", "cart-1");
    }

    @Test
    void readAllPagesThroughMoreEventsThanOnePage() {
        for (int i = 0; i < 1203; i++) {
            store.append("cart-" + (i % 7), List.of(new CheckedOut("x")), ExpectedVersion.any());
        }
        assertThat(store.readAll(1).count()).isEqualTo(1203);
        assertThat(store.readAll(1200).count()).isEqualTo(4);
    }

    @Test
    void aSubscriptionCatchesUpThenDeliversLiveEvents() throws Exception {
        store.append("cart-1", List.of(new CartOpened("1", "ann")), ExpectedVersion.any());
        List<Long> seen = new CopyOnWriteArrayList<>();
        try (Subscription s = store.subscribe(1, e -> seen.add(e.globalPosition()))) {
            assertThat(s.awaitPosition(1, Duration.ofSeconds(5))).isTrue();
            store.append("cart-1", List.of(new CheckedOut("1")), ExpectedVersion.any());
            assertThat(s.awaitPosition(2, Duration.ofSeconds(5))).isTrue();
        }
        assertThat(seen).containsExactly(1L, 2L);
    }

    @Test
    void aFailingSubscriberStopsAtTheFailingEventAndReportsIt() throws Exception {
        store.append("cart-1", List.of(new CartOpened("1", "ann"), new ItemAdded("1", "a", 1),
                new CheckedOut("1")), ExpectedVersion.any());
        List<Long> seen = new CopyOnWriteArrayList<>();
        try (Subscription s = store.subscribe(1, e -> {
            if (e.version() == 2) {
                throw new IllegalStateException("boom");
            }
            seen.add(e.globalPosition());
        })) {
            assertThat(s.awaitPosition(3, Duration.ofSeconds(5))).isFalse();
            assertThat(s.isRunning()).isFalse();
            assertThat(s.position()).isEqualTo(1);
            assertThat(s.failure()).get().satisfies(f -> {
                assertThat(f.globalPosition()).isEqualTo(2);
                assertThat(f.describe()).contains("stream 'cart-1' version 2", "boom");
            });
        }
        assertThat(seen).containsExactly(1L);
    }

    @Test
    void rejectsDuplicateTypeNamesNamingBothClasses() {
        assertThatThrownBy(() -> EventTypes.builder(CartEvent.class).register("X", CartOpened.class)
                .register("X", CheckedOut.class))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("CartOpened")
                .hasMessageContaining("CheckedOut");
    }

    @Test
    void rejectsBadAppendInputWithAClearMessage() {
        assertThatThrownBy(() -> store.append("", List.of(new CheckedOut("1")), ExpectedVersion.any()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("stream id must not be empty");
        assertThatThrownBy(() -> store.append("a".repeat(201), List.of(new CheckedOut("1")), ExpectedVersion.any()))
                .hasMessageContaining("201 characters long (expected <= 200)");
        assertThatThrownBy(() -> store.append("c", List.of(), ExpectedVersion.any()))
                .hasMessageContaining("at least one event");
        List<CartEvent> tooMany = java.util.Collections.nCopies(101, new CheckedOut("1"));
        assertThatThrownBy(() -> store.append("c", tooMany, ExpectedVersion.any()))
                .hasMessageContaining("holds 101 events (expected <= 100)");
        assertThatThrownBy(() -> ExpectedVersion.exactly(-1)).hasMessageContaining("expected >= 0");
        assertThatThrownBy(() -> store.subscribe(0, e -> { })).hasMessageContaining("fromGlobalPosition");
    }

    @Test
    void closingASubscriptionWhoseBackendReadFailsBecauseOfTheInterruptIsNotAFailure() throws Exception {
        // A JDBC driver answers the interrupt close() sends by closing its socket and throwing from the read.
        java.util.concurrent.CountDownLatch reading = new java.util.concurrent.CountDownLatch(1);
        EventStoreBackend interruptible = new EventStoreBackend() {
            @Override
            public List<RecordedEvent> append(String streamId, List<EventData> events, ExpectedVersion expected) {
                return backend.append(streamId, events, expected);
            }

            @Override
            public List<RecordedEvent> read(String streamId, long fromVersion) {
                return backend.read(streamId, fromVersion);
            }

            @Override
            public List<RecordedEvent> readAll(long fromGlobalPosition, int maxCount) {
                reading.countDown();
                try {
                    Thread.sleep(Duration.ofSeconds(30));
                } catch (InterruptedException e) {
                    throw new EventStoreException("Database error: I/O error: closed by interrupt", e);
                }
                return backend.readAll(fromGlobalPosition, maxCount);
            }

            @Override
            public long version(String streamId) {
                return backend.version(streamId);
            }
        };
        EventStore<CartEvent> slow = EventStore.create(interruptible, CartEvent.types());
        Subscription s = slow.subscribe(1, e -> { });
        assertThat(reading.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        s.close();
        assertThat(s.isRunning()).isFalse();
        assertThat(s.failure()).isEmpty();
    }
}
