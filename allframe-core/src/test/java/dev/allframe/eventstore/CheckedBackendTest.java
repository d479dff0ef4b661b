package dev.allframe.eventstore;

import dev.allframe.eventstore.inmemory.InMemoryEventStoreBackend;
import dev.allframe.testdomain.CartEvent;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The core does for every backend what a backend no longer does itself: check input, refuse, wake waiters. */
class CheckedBackendTest {
    /** A backend that records what reaches it and checks nothing. */
    private static final class Recording implements EventStoreBackend {
        final InMemoryEventStoreBackend real = InMemoryEventStoreBackend.create();
        final List<String> calls = new ArrayList<>();
        BackendCapabilities capabilities = BackendCapabilities.all();

        @Override
        public List<RecordedEvent> append(String streamId, List<EventData> events, ExpectedVersion expected) {
            calls.add("append " + streamId);
            return real.append(streamId, events, expected);
        }

        @Override
        public List<RecordedEvent> read(String streamId, long fromVersion) {
            calls.add("read " + streamId);
            return real.read(streamId, fromVersion);
        }

        @Override
        public List<RecordedEvent> readAll(long fromGlobalPosition, int maxCount) {
            calls.add("readAll");
            return real.readAll(fromGlobalPosition, maxCount);
        }

        @Override
        public long version(String streamId) {
            calls.add("version " + streamId);
            return real.version(streamId);
        }

        @Override
        public BackendCapabilities capabilities() {
            return capabilities;
        }
    }

    private static EventData data(String type) {
        return new EventData(type, "{}".getBytes(StandardCharsets.UTF_8), Metadata.empty());
    }

    @Test
    void badInputIsRejectedBeforeTheBackendSeesIt() {
        Recording raw = new Recording();
        EventStoreBackend checked = EventStore.create(raw, CartEvent.types()).backend();
        assertThatThrownBy(() -> checked.append("", List.of(data("A")), ExpectedVersion.any()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("stream id must not be empty");
        assertThatThrownBy(() -> checked.append("s", List.of(), ExpectedVersion.any()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one event");
        assertThatThrownBy(() -> checked.append("s", List.of(data("A")), null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("expected");
        assertThatThrownBy(() -> checked.read("bad\u0001", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> checked.version(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> checked.readAll(1, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxCount (expected >= 1): 0");
        assertThat(raw.calls).isEmpty();

        checked.append("s", List.of(data("A")), ExpectedVersion.noStream());
        assertThat(raw.calls).as("good input reaches the backend once, checked once").containsExactly("append s");
    }

    @Test
    void aBackendWithoutGlobalOrderIsNotAskedForOneAndTheRefusalCarriesItsReason() {
        Recording raw = new Recording();
        raw.capabilities = BackendCapabilities.withoutGlobalOrder("no global order here: follow the change stream");
        EventStore<CartEvent> store = EventStore.create(raw, CartEvent.types());
        assertThatThrownBy(() -> store.backend().readAll(1, 10)).isInstanceOf(UnsupportedOperationException.class)
                .hasMessage("no global order here: follow the change stream");
        assertThatThrownBy(() -> store.readAll(1)).isInstanceOf(UnsupportedOperationException.class)
                .hasMessage("no global order here: follow the change stream");
        assertThatThrownBy(() -> store.subscribe(1, e -> { })).isInstanceOf(UnsupportedOperationException.class)
                .hasMessage("no global order here: follow the change stream");
        assertThat(raw.calls).isEmpty();
        assertThatThrownBy(() -> raw.capabilities.requireGlobalOrder())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aBackendThatDoesNotImplementReadAllRefusesWithItsReasonByDefault() {
        EventStoreBackend none = new EventStoreBackend() {
            @Override
            public List<RecordedEvent> append(String streamId, List<EventData> events, ExpectedVersion expected) {
                throw new AssertionError();
            }

            @Override
            public List<RecordedEvent> read(String streamId, long fromVersion) {
                return List.of();
            }

            @Override
            public long version(String streamId) {
                return 0;
            }

            @Override
            public BackendCapabilities capabilities() {
                return BackendCapabilities.withoutGlobalOrder("this test backend keeps no global order at all");
            }
        };
        assertThatThrownBy(() -> none.readAll(1, 1)).isInstanceOf(UnsupportedOperationException.class)
                .hasMessage("this test backend keeps no global order at all");
        assertThatThrownBy(() -> BackendCapabilities.withoutGlobalOrder(" "))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anAppendThroughTheStoreOrItsBackendWakesAWaiterAtOnce() throws Exception {
        EventStore<CartEvent> store = EventStore.create(InMemoryEventStoreBackend.create(), CartEvent.types());
        assertThat(EventStore.create(store.backend(), CartEvent.types()).backend()).as("wrapped once")
                .isSameAs(store.backend());
        CountDownLatch woke = new CountDownLatch(1);
        Thread waiter = Thread.ofVirtual().start(() -> {
            try {
                store.awaitAppend(0, Duration.ofSeconds(30));
                woke.countDown();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Thread.sleep(50);
        assertThat(woke.getCount()).as("still waiting before any append").isOne();
        store.backend().append("s", List.of(data("A")), ExpectedVersion.noStream());
        assertThat(woke.await(5, TimeUnit.SECONDS)).isTrue();
        waiter.join();

        long started = System.nanoTime();
        store.awaitAppend(0, Duration.ofSeconds(30));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("already past: no wait")
                .isLessThan(Duration.ofSeconds(1));
        started = System.nanoTime();
        store.awaitAppend(1, Duration.ofMillis(100));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("nothing new: waits the timeout")
                .isGreaterThanOrEqualTo(Duration.ofMillis(90));
    }
}
