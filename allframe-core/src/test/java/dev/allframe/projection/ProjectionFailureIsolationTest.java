package dev.allframe.projection;

import dev.allframe.eventstore.EventData;
import dev.allframe.eventstore.EventStore;
import dev.allframe.eventstore.EventStoreException;
import dev.allframe.eventstore.ExpectedVersion;
import dev.allframe.eventstore.StoredEvent;
import dev.allframe.eventstore.UnknownEventTypeException;
import dev.allframe.eventstore.inmemory.InMemoryEventStoreBackend;
import dev.allframe.testdomain.CartEvent;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** One event a projection cannot apply is parked; the projection goes on, reports itself degraded, and recovers. */
class ProjectionFailureIsolationTest {
    private static final Backoff QUICK = new Backoff(3, Duration.ZERO, Duration.ZERO);

    private final EventStore<CartEvent> store = EventStore.create(InMemoryEventStoreBackend.create(), CartEvent.types());
    private final CheckpointStore checkpoints = CheckpointStore.inMemory();
    private final DeadLetterStore deadLetters = DeadLetterStore.inMemory();

    /** Throws a NullPointerException on the positions in {@code poison}, as a projection with a bug would. */
    static final class Summaries implements Projection<CartEvent> {
        final List<Long> seen = new CopyOnWriteArrayList<>();
        final Set<Long> poison = ConcurrentHashMap.newKeySet();

        @Override
        public void apply(StoredEvent<CartEvent> event) {
            if (poison.contains(event.globalPosition())) {
                String missing = null;
                missing.length();
            }
            seen.add(event.globalPosition());
        }

        @Override
        public void reset() {
            seen.clear();
        }
    }

    /** A user's own transient failure, marked as such. */
    static final class PricingDown extends RuntimeException implements TransientFailure {
        PricingDown() {
            super("pricing service unavailable");
        }
    }

    private void append(int n) {
        for (int i = 0; i < n; i++) {
            store.append("cart-" + i, List.of(new CartEvent.CartOpened("" + i, "o")), ExpectedVersion.any());
        }
    }

    private ProjectionRegistry<CartEvent> registry(Projection<CartEvent> p) {
        return ProjectionRegistry.builder(store, checkpoints).deadLetters(deadLetters).backoff(QUICK)
                .register("summary", p).build();
    }

    @Test
    void catchUpParksTheEventAProjectionThrowsOnAndAppliesTheRest() {
        append(4);
        Summaries s = new Summaries();
        s.poison.add(2L);
        ProjectionRegistry<CartEvent> reg = registry(s);
        ProjectionStatus status = reg.catchUp().get(0);
        assertThat(status.state()).isEqualTo(ProjectionStatus.State.STOPPED);
        assertThat(status.position()).isEqualTo(4);
        assertThat(status.degraded()).isTrue();
        assertThat(status.parked()).isEqualTo(1);
        assertThat(status.firstParked()).isEqualTo(2);
        assertThat(status.describe()).contains("1 parked event(s), the first at global position 2");
        assertThat(s.seen).containsExactly(1L, 3L, 4L);
        assertThat(checkpoints.load("summary")).isEqualTo(4);

        ParkedEvent p = reg.control().parked("summary").get(0);
        assertThat(p.consumer()).isEqualTo("summary");
        assertThat(p.globalPosition()).isEqualTo(2);
        assertThat(p.streamId()).isEqualTo("cart-1");
        assertThat(p.version()).isEqualTo(1);
        assertThat(p.type()).isEqualTo("CartOpened");
        assertThat(new String(p.payload(), StandardCharsets.UTF_8)).contains("\"cartId\":\"1\"");
        assertThat(p.errorClass()).isEqualTo(NullPointerException.class.getName());
        assertThat(p.attempts()).as("a deterministic failure is not retried").isEqualTo(1);
        assertThat(deadLetters.list("summary")).containsExactly(p);
    }

    @Test
    void aLiveProjectionParksThePoisonEventAndKeepsFollowing() throws Exception {
        append(3);
        Summaries s = new Summaries();
        s.poison.add(2L);
        try (ProjectionRegistry<CartEvent> reg = registry(s)) {
            reg.start();
            assertThat(reg.awaitPosition("summary", 3, Duration.ofSeconds(10))).isTrue();
            s.poison.add(5L);
            append(3);
            assertThat(reg.awaitPosition("summary", 6, Duration.ofSeconds(10))).isTrue();
            ProjectionStatus status = reg.status("summary");
            assertThat(status.state()).isEqualTo(ProjectionStatus.State.RUNNING);
            assertThat(status.parked()).isEqualTo(2);
            assertThat(status.firstParked()).isEqualTo(2);
        }
        assertThat(s.seen).containsExactly(1L, 3L, 4L, 6L);
        assertThat(deadLetters.list("summary")).extracting(ParkedEvent::globalPosition).containsExactly(2L, 5L);
    }

    @Test
    void anEventThatCannotBeDecodedIsParkedWhateverWroteIt() {
        append(1);
        store.backend().append("cart-x", List.of(new EventData("Vanished", "{}".getBytes(StandardCharsets.UTF_8),
                null)), ExpectedVersion.any());
        store.backend().append("cart-y", List.of(new EventData("CartOpened", "not json".getBytes(
                StandardCharsets.UTF_8), null)), ExpectedVersion.any());
        append(1);
        Summaries s = new Summaries();
        ProjectionStatus status = registry(s).catchUp().get(0);
        assertThat(status.position()).isEqualTo(4);
        assertThat(s.seen).containsExactly(1L, 4L);
        List<ParkedEvent> parked = deadLetters.list("summary");
        assertThat(parked).extracting(ParkedEvent::globalPosition).containsExactly(2L, 3L);
        assertThat(parked.get(0).errorClass()).isEqualTo(UnknownEventTypeException.class.getName());
        assertThat(parked.get(0).errorMessage()).contains("Unknown event type 'Vanished'");
        assertThat(new String(parked.get(1).payload(), StandardCharsets.UTF_8)).isEqualTo("not json");
    }

    @Test
    void aTransientFailureIsRetriedAndTheEventApplies() {
        append(2);
        AtomicInteger failures = new AtomicInteger(2);
        List<Long> seen = new CopyOnWriteArrayList<>();
        ProjectionStatus status = registry(e -> {
            if (e.globalPosition() == 1 && failures.getAndDecrement() > 0) {
                throw new PricingDown();
            }
            seen.add(e.globalPosition());
        }).catchUp().get(0);
        assertThat(seen).containsExactly(1L, 2L);
        assertThat(status.degraded()).isFalse();
        assertThat(failures.get()).isEqualTo(-1);
    }

    @Test
    void aTransientFailureThatOutlastsTheRetriesIsParkedWithItsAttempts() {
        append(2);
        AtomicInteger calls = new AtomicInteger();
        ProjectionStatus status = registry(e -> {
            if (e.globalPosition() == 1) {
                calls.incrementAndGet();
                throw new EventStoreException("Database error: connection reset",
                        new SQLTransientConnectionException("reset"));
            }
        }).catchUp().get(0);
        assertThat(calls.get()).isEqualTo(3);
        assertThat(status.position()).isEqualTo(2);
        assertThat(deadLetters.list("summary")).singleElement().satisfies(p -> {
            assertThat(p.attempts()).isEqualTo(3);
            assertThat(p.error()).isEqualTo(EventStoreException.class.getName()
                    + ": Database error: connection reset");
        });
    }

    @Test
    void retryAppliesParkedEventsAfterAFixAndKeepsThoseThatStillFail() {
        append(4);
        Summaries s = new Summaries();
        s.poison.addAll(List.of(2L, 3L));
        ProjectionRegistry<CartEvent> reg = registry(s);
        reg.catchUp();
        assertThat(s.seen).containsExactly(1L, 4L);

        s.poison.remove(2L); // the fix covers one of the two
        ProjectionControl.Retried r = reg.control().retry("summary");
        assertThat(r.applied()).isEqualTo(1);
        assertThat(r.stillParked()).singleElement().satisfies(p -> {
            assertThat(p.globalPosition()).isEqualTo(3);
            assertThat(p.attempts()).isEqualTo(2);
        });
        assertThat(s.seen).containsExactly(1L, 4L, 2L);
        ProjectionStatus status = reg.status("summary");
        assertThat(status.parked()).isEqualTo(1);
        assertThat(status.firstParked()).isEqualTo(3);
    }

    @Test
    void skipRemovesAParkedEventWithoutApplyingIt() {
        append(3);
        Summaries s = new Summaries();
        s.poison.addAll(List.of(2L, 3L));
        ProjectionRegistry<CartEvent> reg = registry(s);
        reg.catchUp();
        assertThat(reg.control().skip("summary", 2)).isTrue();
        assertThat(reg.control().skip("summary", "cart-2", 1)).isTrue();
        assertThat(reg.control().skip("summary", 2)).isFalse();
        assertThat(deadLetters.list("summary")).isEmpty();
        assertThat(reg.status("summary").degraded()).isFalse();
        assertThat(s.seen).containsExactly(1L);
    }

    @Test
    void aRestartedProcessSeesWhatWasParkedBefore() {
        append(3);
        Summaries s = new Summaries();
        s.poison.add(2L);
        registry(s).catchUp();
        ProjectionStatus after = registry(new Summaries()).status("summary");
        assertThat(after.position()).isEqualTo(3);
        assertThat(after.parked()).isEqualTo(1);
        assertThat(after.firstParked()).isEqualTo(2);
    }

    @Test
    void anEventParkedBeforeLeavesTheStoreWhenARebuildAppliesIt() throws Exception {
        append(3);
        Summaries s = new Summaries();
        s.poison.add(2L);
        ProjectionRegistry<CartEvent> reg = registry(s);
        reg.catchUp();
        s.poison.clear();
        reg.rebuild("summary", false);
        assertThat(reg.catchUp().get(0).degraded()).isFalse();
        assertThat(s.seen).containsExactly(1L, 2L, 3L);
        assertThat(deadLetters.list("summary")).isEmpty();
    }

    @Test
    void reparkingTheSameEventAddsAttemptsToOneEntry() {
        append(2);
        Summaries s = new Summaries();
        s.poison.add(2L);
        registry(s).catchUp();
        checkpoints.save("summary", 0); // as a process with an in-memory checkpoint does on every start
        ProjectionStatus again = registry(s).catchUp().get(0);
        assertThat(again.parked()).isEqualTo(1);
        assertThat(deadLetters.list("summary")).singleElement().extracting(ParkedEvent::attempts).isEqualTo(2);
    }

    @Test
    void classifiesStoreAndIoFailuresAndTheMarkerAsTransientAndTheRestAsDeterministic() {
        assertThat(Failures.isTransient(new EventStoreException("Database error"))).isTrue();
        assertThat(Failures.isTransient(new IllegalStateException("wrapped",
                new SQLTransientConnectionException("gone")))).isTrue();
        assertThat(Failures.isTransient(new UncheckedIOException(new java.io.IOException("reset")))).isTrue();
        assertThat(Failures.isTransient(new PricingDown())).isTrue();
        assertThat(Failures.isTransient(new UnknownEventTypeException("X", "p 1", List.of()))).isFalse();
        assertThat(Failures.isTransient(new NullPointerException())).isFalse();
        assertThat(Failures.isTransient(new IllegalArgumentException("bad"))).isFalse();
    }

    @Test
    void backoffGrowsExponentiallyWithJitterUpToItsCap() {
        Backoff b = new Backoff(10, Duration.ofMillis(100), Duration.ofMillis(1000));
        for (int i = 0; i < 50; i++) {
            assertThat(b.delay(1)).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
            assertThat(b.delay(3)).isBetween(Duration.ofMillis(200), Duration.ofMillis(400));
            assertThat(b.delay(9)).isBetween(Duration.ofMillis(500), Duration.ofMillis(1000));
            assertThat(b.delay(Integer.MAX_VALUE)).isBetween(Duration.ofMillis(500), Duration.ofMillis(1000));
        }
    }

    /** A real checkpoint store whose next save of a position fails, as a lost connection would. */
    static final class FailingOnce implements CheckpointStore {
        final CheckpointStore inner = CheckpointStore.inMemory();
        volatile long failOn = -1;

        @Override
        public long load(String name) {
            return inner.load(name);
        }

        @Override
        public void save(String name, long position) {
            if (position == failOn) {
                failOn = -1;
                throw new EventStoreException("Database error: connection lost");
            }
            inner.save(name, position);
        }
    }

    @Test
    void aCheckpointThatCannotBeSavedIsRetriedLiveAndReportedByCatchUp() throws Exception {
        append(3);
        FailingOnce flaky = new FailingOnce();
        flaky.failOn = 2;
        Summaries s = new Summaries();
        ProjectionStatus caught = ProjectionRegistry.builder(store, flaky).backoff(QUICK).register("summary", s)
                .build().catchUp().get(0);
        assertThat(caught.state()).isEqualTo(ProjectionStatus.State.FAILED);
        assertThat(caught.failedAt()).isEqualTo(2);
        assertThat(caught.error()).contains("connection lost");

        flaky.failOn = 3;
        try (ProjectionRegistry<CartEvent> reg = ProjectionRegistry.builder(store, flaky).backoff(QUICK)
                .register("summary", s).build()) {
            reg.start();
            assertThat(reg.awaitPosition("summary", 3, Duration.ofSeconds(10))).isTrue();
            assertThat(reg.status("summary").state()).isEqualTo(ProjectionStatus.State.RUNNING);
        }
        assertThat(s.seen).as("at least once: the event whose checkpoint was lost comes again")
                .containsExactly(1L, 2L, 2L, 3L, 3L);
    }
}
