package dev.allframe.testkit.eventstore;

import dev.allframe.eventstore.ConcurrencyConflictException;
import dev.allframe.eventstore.EventData;
import dev.allframe.eventstore.EventStore;
import dev.allframe.eventstore.EventStoreBackend;
import dev.allframe.eventstore.EventStoreLimits;
import dev.allframe.eventstore.ExpectedVersion;
import dev.allframe.eventstore.Metadata;
import dev.allframe.eventstore.RecordedEvent;
import dev.allframe.eventstore.StoredEvent;
import dev.allframe.eventstore.Subscription;
import dev.allframe.eventstore.UnknownEventTypeException;
import dev.allframe.projection.CheckpointStore;
import dev.allframe.projection.DeadLetterStore;
import dev.allframe.projection.ParkedEvent;
import dev.allframe.projection.ProjectionRegistry;
import dev.allframe.projection.ProjectionStatus;
import dev.allframe.saga.SagaState;
import dev.allframe.saga.SagaStore;
import dev.allframe.snapshot.Snapshot;
import dev.allframe.snapshot.SnapshotStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The conformance kit every event-store backend passes: per-stream order, optimistic concurrency under concurrent
 * writers, atomic multi-event appends, gap-free global order for catch-up readers, snapshots, checkpoints, dead
 * letters (and a projection that parks a poison event and goes on), saga state, upcasting and clear errors for bad
 * input. A backend's test extends this class and supplies a fresh, empty
 * {@link Fixture} per test:
 *
 * <pre>{@code
 * class SqliteBackendTest extends EventStoreBackendContract {
 *     protected Fixture createFixture() throws Exception { ... }
 * }
 * }</pre>
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
public abstract class EventStoreBackendContract {
    /** The stores under test, fresh and empty for each test. */
    public interface Fixture extends AutoCloseable {
        /** @return the event store backend */
        EventStoreBackend backend();

        /** @return a snapshot store of the same backend */
        SnapshotStore snapshots();

        /** @return a checkpoint store of the same backend */
        CheckpointStore checkpoints();

        /** @return a saga store of the same backend */
        SagaStore sagas();

        /** @return a dead-letter store of the same backend */
        DeadLetterStore deadLetters();

        /**
         * Makes the next append fail after it has written (staged, inserted) {@code events} of its events, as an I/O
         * error or crash would; the append must then leave nothing behind.
         *
         * @param events how many events to write before failing
         */
        void failNextAppendAfter(int events);

        /** Releases the stores. */
        @Override
        void close() throws Exception;
    }

    /**
     * Whether the backend keeps a global order ({@code readAll}, catch-up subscriptions). Every general-purpose
     * backend must (the default). A backend configured without one on purpose (DynamoDB in global order mode
     * {@code streams}, whose projections follow the table's change stream) overrides this to {@code false}: the
     * global-order tests then check instead that {@code readAll} is refused with a clear
     * {@link UnsupportedOperationException} (nothing is skipped), and the global-order assertions inside per-stream
     * tests are left out; everything per stream is still checked.
     *
     * @return {@code true} unless the backend under test deliberately has no global order
     */
    protected boolean supportsGlobalOrder() {
        return true;
    }

    /**
     * The global-order tests run in full when the backend keeps a global order; otherwise they check the other half
     * of the promise (no test is skipped): global reads are refused at once with an
     * {@link UnsupportedOperationException} that explains itself, and nothing is returned that looks like an order.
     *
     * @return whether the rest of the calling test applies
     */
    private boolean keepsGlobalOrderElseRefusesGlobalReads() {
        if (supportsGlobalOrder()) {
            return true;
        }
        assertThatThrownBy(() -> backend.readAll(1, 10))
                .isInstanceOf(UnsupportedOperationException.class)
                .satisfies(e -> assertThat(e.getMessage()).as("a message that explains the refusal")
                        .hasSizeGreaterThan(40));
        return false;
    }

    /** How many writers race in the concurrency tests; backends may lower it for slow machines. */
    protected int concurrentWriters() {
        return 8;
    }

    private Fixture fixture;
    private EventStoreBackend backend;
    private EventStore<SampleEvent> store;

    /**
     * @return a fresh, empty fixture
     * @throws Exception if it cannot be created
     */
    protected abstract Fixture createFixture() throws Exception;

    @BeforeEach
    final void openFixture() throws Exception {
        fixture = createFixture();
        backend = fixture.backend();
        store = EventStore.create(backend, SampleEvent.types());
    }

    @AfterEach
    final void closeFixture() throws Exception {
        if (fixture != null) {
            fixture.close();
        }
    }

    private static SampleEvent.Deposited deposit(String account, long amount) {
        return new SampleEvent.Deposited(account, amount, "EUR");
    }

    private static EventData raw(String type, String json) {
        return new EventData(type, json.getBytes(StandardCharsets.UTF_8), Metadata.empty());
    }

    @Test
    void keepsEachStreamInVersionOrderWithIncreasingGlobalPositions() {
        store.append("acc-a", List.of(deposit("a", 1), deposit("a", 2)), ExpectedVersion.noStream());
        store.append("acc-b", List.of(deposit("b", 10)), ExpectedVersion.noStream());
        store.append("acc-a", List.of(new SampleEvent.Withdrawn("a", 3)), ExpectedVersion.exactly(2));

        List<StoredEvent<SampleEvent>> a = store.read("acc-a");
        assertThat(a).extracting(StoredEvent::version).containsExactly(1L, 2L, 3L);
        assertThat(a).extracting(StoredEvent::event).containsExactly(deposit("a", 1), deposit("a", 2),
                new SampleEvent.Withdrawn("a", 3));
        if (supportsGlobalOrder()) {
            assertThat(a).extracting(StoredEvent::globalPosition).isSorted().doesNotHaveDuplicates();
        }
        assertThat(store.read("acc-a", 3)).extracting(StoredEvent::version).containsExactly(3L);
        assertThat(store.read("acc-a", 4)).isEmpty();
        assertThat(store.read("acc-none")).isEmpty();
        assertThat(store.version("acc-a")).isEqualTo(3);
        assertThat(store.version("acc-none")).isZero();
    }

    @Test
    void returnsWhatWasStoredByteForByteWithMetadataAndTimestamp() {
        byte[] payload = {0, (byte) 0xff, 'x', (byte) 0x80, 10};
        Instant before = Instant.now().minusSeconds(5);
        List<RecordedEvent> appended = backend.append("bytes", List.of(new EventData("Blob", payload,
                Metadata.of("correlation-id", "c-1").with("user", "ann"))), ExpectedVersion.noStream());
        RecordedEvent read = backend.read("bytes", 1).get(0);
        assertThat(read.payload()).containsExactly(payload);
        assertThat(read.metadata().values()).containsExactlyInAnyOrderEntriesOf(
                Map.of("correlation-id", "c-1", "user", "ann"));
        assertThat(read.type()).isEqualTo("Blob");
        assertThat(read.globalPosition()).isEqualTo(appended.get(0).globalPosition());
        assertThat(read.timestamp()).isAfter(before).isBefore(Instant.now().plusSeconds(5));
    }

    @Test
    void honoursEachKindOfExpectedVersion() {
        store.append("s", List.of(deposit("s", 1)), ExpectedVersion.noStream());
        assertThatThrownBy(() -> store.append("s", List.of(deposit("s", 2)), ExpectedVersion.noStream()))
                .isInstanceOfSatisfying(ConcurrencyConflictException.class, e -> {
                    assertThat(e.actual()).isEqualTo(1);
                    assertThat(e.streamId()).isEqualTo("s");
                });
        assertThatThrownBy(() -> store.append("s", List.of(deposit("s", 2)), ExpectedVersion.exactly(5)))
                .isInstanceOfSatisfying(ConcurrencyConflictException.class, e -> {
                    assertThat(e.expected()).isEqualTo(ExpectedVersion.exactly(5));
                    assertThat(e.actual()).isEqualTo(1);
                });
        assertThat(store.append("s", List.of(deposit("s", 2)), ExpectedVersion.any())).isEqualTo(2);
        assertThat(store.append("s", List.of(deposit("s", 3)), ExpectedVersion.exactly(2))).isEqualTo(3);
        assertThat(store.read("s")).hasSize(3);
    }

    @Test
    void exactlyOneOfManyWritersCreatesAStreamAndEveryLoserGetsAConflict() throws Exception {
        int n = concurrentWriters();
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger wins = new AtomicInteger();
        AtomicInteger conflicts = new AtomicInteger();
        List<Throwable> other = new CopyOnWriteArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(n)) {
            for (int i = 0; i < n; i++) {
                int writer = i;
                pool.submit(() -> {
                    try {
                        start.await();
                        store.append("race", List.of(deposit("w" + writer, writer), deposit("w" + writer, -writer)),
                                ExpectedVersion.noStream());
                        wins.incrementAndGet();
                    } catch (ConcurrencyConflictException e) {
                        conflicts.incrementAndGet();
                    } catch (Throwable t) {
                        other.add(t);
                    }
                    return null;
                });
            }
            start.countDown();
        }
        assertThat(other).isEmpty();
        assertThat(wins).hasValue(1);
        assertThat(conflicts).hasValue(n - 1);
        List<StoredEvent<SampleEvent>> events = store.read("race");
        assertThat(events).hasSize(2);
        assertThat(events.stream().map(e -> ((SampleEvent.Deposited) e.event()).account()).distinct()).hasSize(1);
    }

    @Test
    void concurrentWritersWithExactVersionsLoseNothingAndDuplicateNothing() throws Exception {
        int n = concurrentWriters();
        int perWriter = 15;
        AtomicInteger conflicts = new AtomicInteger();
        List<Throwable> other = new CopyOnWriteArrayList<>();
        Set<String> committed = java.util.concurrent.ConcurrentHashMap.newKeySet();
        try (ExecutorService pool = Executors.newFixedThreadPool(n)) {
            for (int w = 0; w < n; w++) {
                int writer = w;
                pool.submit(() -> {
                    int done = 0;
                    while (done < perWriter && other.isEmpty()) {
                        long version = store.version("hot");
                        String id = writer + "-" + done;
                        try {
                            store.append("hot", List.of(deposit(id, version)), ExpectedVersion.exactly(version));
                            committed.add(id);
                            done++;
                        } catch (ConcurrencyConflictException e) {
                            assertThat(e.actual()).isGreaterThan(version);
                            conflicts.incrementAndGet();
                        } catch (Throwable t) {
                            other.add(t);
                        }
                    }
                    return null;
                });
            }
        }
        assertThat(other).isEmpty();
        List<StoredEvent<SampleEvent>> events = store.read("hot");
        assertThat(events).extracting(StoredEvent::version)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, (long) n * perWriter).boxed().toList());
        List<String> ids = events.stream().map(e -> ((SampleEvent.Deposited) e.event()).account()).toList();
        assertThat(ids).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(committed);
        // Each event was decided on the version just before it: the writer saw every earlier event.
        for (StoredEvent<SampleEvent> e : events) {
            assertThat(((SampleEvent.Deposited) e.event()).amount()).isEqualTo(e.version() - 1);
        }
    }

    @Test
    void aFailureMidAppendLeavesNothingBehind() {
        store.append("before", List.of(deposit("x", 1)), ExpectedVersion.noStream());
        long head = supportsGlobalOrder() ? lastPosition() : 0;
        fixture.failNextAppendAfter(2);
        assertThatThrownBy(() -> store.append("atomic", List.of(deposit("a", 1), deposit("a", 2), deposit("a", 3),
                deposit("a", 4)), ExpectedVersion.noStream())).isInstanceOf(RuntimeException.class);
        assertThat(store.read("atomic")).isEmpty();
        assertThat(store.version("atomic")).isZero();
        if (supportsGlobalOrder()) {
            assertThat(backend.readAll(head + 1, 100)).isEmpty();
        }

        assertThat(store.append("atomic", List.of(deposit("a", 5), deposit("a", 6)), ExpectedVersion.noStream()))
                .isEqualTo(2);
        assertThat(store.read("atomic")).extracting(StoredEvent::version).containsExactly(1L, 2L);
    }

    private long lastPosition() {
        long last = 0;
        List<RecordedEvent> page;
        while (!(page = backend.readAll(last + 1, 1000)).isEmpty()) {
            last = page.get(page.size() - 1).globalPosition();
        }
        return last;
    }

    @Test
    void readAllNeverLetsACatchUpReaderSkipAnEventThatCommitsLate() throws Exception {
        if (!keepsGlobalOrderElseRefusesGlobalReads()) {
            return;
        }
        int writers = concurrentWriters();
        int appendsPerWriter = 25;
        long start = lastPosition();
        AtomicBoolean writing = new AtomicBoolean(true);
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        List<RecordedEvent> seen = new ArrayList<>();
        AtomicInteger appended = new AtomicInteger();
        try (ExecutorService pool = Executors.newFixedThreadPool(writers)) {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                String stream = "gap-" + w;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < appendsPerWriter; i++) {
                        int size = 1 + (i % 3);
                        List<SampleEvent> batch = new ArrayList<>();
                        for (int k = 0; k < size; k++) {
                            batch.add(deposit(stream, i * 10L + k));
                        }
                        store.append(stream, batch, ExpectedVersion.any());
                        appended.addAndGet(size);
                    }
                    return null;
                }));
            }
            // The interleaved reader: catches up in small pages while the writers commit.
            Thread reader = Thread.ofPlatform().start(() -> {
                long next = start + 1;
                try {
                    while (true) {
                        boolean finished = !writing.get();
                        List<RecordedEvent> page = backend.readAll(next, 7);
                        for (RecordedEvent r : page) {
                            seen.add(r);
                            next = r.globalPosition() + 1;
                        }
                        if (page.isEmpty() && finished) {
                            return;
                        }
                    }
                } catch (Throwable t) {
                    failures.add(t);
                }
            });
            for (Future<?> f : done) {
                f.get();
            }
            writing.set(false);
            reader.join(Duration.ofSeconds(30));
        }
        assertThat(failures).isEmpty();
        List<RecordedEvent> all = backend.readAll(start + 1, 100_000);
        assertThat(all).hasSize(appended.get());
        assertThat(seen).extracting(RecordedEvent::globalPosition)
                .as("the catch-up reader saw every committed event, in order, none skipped")
                .containsExactlyElementsOf(all.stream().map(RecordedEvent::globalPosition).toList());
        for (int w = 0; w < writers; w++) {
            assertThat(store.read("gap-" + w)).extracting(StoredEvent::version).isSorted()
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, store.version("gap-" + w)).boxed().toList());
        }
    }

    @Test
    void aSubscriptionCatchesUpThenFollowsLiveAppends() throws Exception {
        if (!keepsGlobalOrderElseRefusesGlobalReads()) {
            return;
        }
        store.append("sub", List.of(deposit("s", 1), deposit("s", 2)), ExpectedVersion.noStream());
        long first = backend.read("sub", 1).get(0).globalPosition();
        ConcurrentLinkedQueue<Long> amounts = new ConcurrentLinkedQueue<>();
        try (Subscription s = store.subscribe(first, e -> amounts.add(((SampleEvent.Deposited) e.event()).amount()),
                Duration.ofMillis(50))) {
            List<RecordedEvent> third = backend.append("sub", List.of(new EventData("Deposited.v2",
                    "{\"account\":\"s\",\"amount\":3,\"currency\":\"EUR\"}".getBytes(StandardCharsets.UTF_8),
                    null)), ExpectedVersion.exactly(2));
            assertThat(s.awaitPosition(third.get(0).globalPosition(), Duration.ofSeconds(10))).isTrue();
        }
        assertThat(amounts).containsExactly(1L, 2L, 3L);
    }

    @Test
    void upcastsOldShapesAndNamesOnRead() {
        backend.append("old", List.of(raw("Deposited", "{\"account\":\"o\",\"amount\":7}"),
                raw("MoneyTakenOut", "{\"account\":\"o\",\"amount\":2}")), ExpectedVersion.noStream());
        List<StoredEvent<SampleEvent>> events = store.read("old");
        assertThat(events).extracting(StoredEvent::event).containsExactly(
                new SampleEvent.Deposited("o", 7, "EUR"), new SampleEvent.Withdrawn("o", 2));
        assertThat(events).extracting(StoredEvent::type).containsExactly("Deposited.v2", "Withdrawn");
    }

    @Test
    void anUnknownTypeOnReadIsAClearErrorNamingItAndItsPlace() {
        backend.append("odd", List.of(raw("Teleported", "{}")), ExpectedVersion.noStream());
        assertThatThrownBy(() -> store.read("odd"))
                .isInstanceOf(UnknownEventTypeException.class)
                .hasMessageContaining("'Teleported'")
                .hasMessageContaining("stream 'odd' version 1")
                .hasMessageContaining("Deposited.v2");
        if (supportsGlobalOrder()) {
            assertThatThrownBy(() -> store.readAll(1).toList()).isInstanceOf(UnknownEventTypeException.class);
        }
    }

    @Test
    void rejectsBadInputWithAClearErrorAndWritesNothing() {
        List<EventData> one = List.of(raw("Deposited.v2", "{}"));
        assertThatThrownBy(() -> backend.append("", one, ExpectedVersion.any()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("stream id must not be empty");
        String longId = "x".repeat(EventStoreLimits.MAX_STREAM_ID_LENGTH + 1);
        assertThatThrownBy(() -> backend.append(longId, one, ExpectedVersion.any()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("characters long (expected <= ");
        assertThatThrownBy(() -> backend.append("ctl\u0000", one, ExpectedVersion.any()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("control characters");
        byte[] big = new byte[EventStoreLimits.MAX_PAYLOAD_BYTES + 1];
        assertThatThrownBy(() -> backend.append("big", List.of(raw("A", "{}"), new EventData("B", big, null)),
                ExpectedVersion.any()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("event 1 (B) payload is " + big.length + " bytes (expected <= ");
        assertThatThrownBy(() -> backend.append("none", List.of(), ExpectedVersion.any()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one event");
        assertThatThrownBy(() -> backend.append("t", List.of(raw("", "{}")), ExpectedVersion.any()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("type name");
        if (supportsGlobalOrder()) {
            assertThat(backend.readAll(1, 10)).isEmpty();
        }
        for (String id : List.of("", "big", "none", "t")) {
            assertThat(id.isEmpty() || backend.version(id) == 0).as("nothing written to '%s'", id).isTrue();
        }
        assertThat(backend.read(longId.substring(1), 1)).isEmpty();
    }

    @Test
    void keepsUnusualButValidStreamIdsApart() {
        List<String> ids = List.of("o'brien; DROP TABLE af_events; --", "naïve café ☕", "with space", "%_wild*",
                "x".repeat(EventStoreLimits.MAX_STREAM_ID_LENGTH), "X".repeat(EventStoreLimits.MAX_STREAM_ID_LENGTH));
        for (int i = 0; i < ids.size(); i++) {
            store.append(ids.get(i), List.of(deposit(ids.get(i), i)), ExpectedVersion.noStream());
        }
        for (int i = 0; i < ids.size(); i++) {
            assertThat(store.read(ids.get(i))).singleElement().extracting(StoredEvent::event)
                    .isEqualTo(deposit(ids.get(i), i));
            assertThat(store.version(ids.get(i))).isEqualTo(1);
        }
        assertThat(store.version("%")).isZero();
        assertThat(store.version("x")).isZero();
    }

    @Test
    void acceptsThePayloadLimitExactly() {
        byte[] max = new byte[EventStoreLimits.MAX_PAYLOAD_BYTES];
        max[max.length - 1] = 42;
        backend.append("max", List.of(new EventData("Max", max, null)), ExpectedVersion.noStream());
        assertThat(backend.read("max", 1).get(0).payload()).hasSize(max.length).endsWith(42);
    }

    @Test
    void snapshotsKeepTheNewestPerStream() {
        SnapshotStore snapshots = fixture.snapshots();
        assertThat(snapshots.load("acc")).isEmpty();
        Instant t = Instant.ofEpochMilli(1_700_000_000_000L);
        snapshots.save(new Snapshot("acc", 5, "{\"v\":5}".getBytes(StandardCharsets.UTF_8), t));
        snapshots.save(new Snapshot("acc", 9, "{\"v\":9}".getBytes(StandardCharsets.UTF_8), t));
        snapshots.save(new Snapshot("acc", 7, "{\"v\":7}".getBytes(StandardCharsets.UTF_8), t));
        Snapshot s = snapshots.load("acc").orElseThrow();
        assertThat(s.version()).isEqualTo(9);
        assertThat(new String(s.payload(), StandardCharsets.UTF_8)).isEqualTo("{\"v\":9}");
        assertThat(s.timestamp()).isEqualTo(t);
        assertThat(snapshots.load("other")).isEmpty();
    }

    @Test
    void checkpointsStartAtZeroAndKeepTheLastSavedPosition() {
        CheckpointStore checkpoints = fixture.checkpoints();
        assertThat(checkpoints.load("p")).isZero();
        checkpoints.save("p", 42);
        checkpoints.save("q", 7);
        checkpoints.save("p", 43);
        assertThat(checkpoints.load("p")).isEqualTo(43);
        assertThat(checkpoints.load("q")).isEqualTo(7);
        checkpoints.save("p", 0);
        assertThat(checkpoints.load("p")).isZero();
    }

    private static ParkedEvent parked(String consumer, long position, String streamId, long version, byte[] payload,
                                      String error, int attempts) {
        return new ParkedEvent(consumer, position, streamId, version, "Deposited.v2", payload,
                "java.lang.NullPointerException", error, attempts, Instant.ofEpochMilli(1_800_000_000_123L + position));
    }

    @Test
    void deadLettersRoundTripEveryFieldAndListInGlobalOrderPerConsumer() {
        DeadLetterStore dead = fixture.deadLetters();
        assertThat(dead.list("p")).isEmpty();
        byte[] bytes = {0, (byte) 0xff, 'x', (byte) 0x80, 10};
        ParkedEvent third = parked("p", 30, "acc-1", 4, bytes, "", 1);
        ParkedEvent first = parked("p", 7, "o'brien#1; DROP TABLE af_events", 2,
                "{\"amount\":1}".getBytes(StandardCharsets.UTF_8), "Cannot invoke \"String.length()\"", 3);
        ParkedEvent second = parked("p", 12, "naïve café ☕", 1, "{}".getBytes(StandardCharsets.UTF_8), "x", 1);
        ParkedEvent other = parked("q", 7, "acc-1", 4, bytes, "other consumer", 1);
        for (ParkedEvent e : List.of(third, first, other, second)) {
            dead.park(e);
        }
        assertThat(dead.list("p")).containsExactly(first, second, third);
        assertThat(dead.list("q")).containsExactly(other);
        assertThat(dead.list("p").get(2).payload()).containsExactly(bytes);
        assertThat(dead.list("p").get(2).errorMessage()).isEmpty();
    }

    @Test
    void deadLettersKeepOneEntryPerEventAddingAttemptsAndTakingTheLatestError() {
        DeadLetterStore dead = fixture.deadLetters();
        dead.park(parked("p", 5, "s", 1, new byte[] {1}, "first", 2));
        ParkedEvent again = parked("p", 5, "s", 1, new byte[] {1}, "second", 3);
        dead.park(again);
        assertThat(dead.list("p")).singleElement().satisfies(e -> {
            assertThat(e.attempts()).isEqualTo(5);
            assertThat(e.errorMessage()).isEqualTo("second");
            assertThat(e.parkedAt()).isEqualTo(again.parkedAt());
        });
    }

    @Test
    void deadLettersRemoveOneEntryAndSayWhetherItWasThere() {
        DeadLetterStore dead = fixture.deadLetters();
        dead.park(parked("p", 5, "s", 1, new byte[] {1}, "a", 2));
        dead.park(parked("p", 6, "s", 2, new byte[] {2}, "b", 1));
        dead.park(parked("q", 5, "s", 1, new byte[] {1}, "a", 1));
        assertThat(dead.remove("p", "s", 1)).isTrue();
        assertThat(dead.remove("p", "s", 1)).isFalse();
        assertThat(dead.remove("p", "none", 1)).isFalse();
        assertThat(dead.list("p")).extracting(ParkedEvent::version).containsExactly(2L);
        assertThat(dead.list("q")).hasSize(1);
        dead.park(parked("p", 5, "s", 1, new byte[] {1}, "again", 1));
        assertThat(dead.list("p")).extracting(ParkedEvent::attempts).as("parked afresh after removal")
                .containsExactly(1, 1);
    }

    @Test
    void deadLettersWithoutAGlobalPositionAreKeptApartByStreamAndVersion() {
        DeadLetterStore dead = fixture.deadLetters(); // events pushed by a source without global order
        dead.park(parked("p", 0, "b", 1, new byte[] {1}, "x", 1));
        dead.park(parked("p", 0, "a", 2, new byte[] {1}, "x", 1));
        dead.park(parked("p", 0, "a", 1, new byte[] {1}, "x", 1));
        assertThat(dead.list("p")).extracting(e -> e.streamId() + "/" + e.version())
                .containsExactly("a/1", "a/2", "b/1");
    }

    @Test
    void aProjectionParksAPoisonEventOnThisBackendAndARestartStillSeesIt() {
        if (!keepsGlobalOrderElseRefusesGlobalReads()) {
            return;
        }
        store.append("acc-a", List.of(deposit("a", 1)), ExpectedVersion.noStream());
        store.append("acc-b", List.of(deposit("b", -1)), ExpectedVersion.noStream());
        store.append("acc-c", List.of(deposit("c", 3)), ExpectedVersion.noStream());
        List<Long> seen = new CopyOnWriteArrayList<>();
        dev.allframe.projection.Projection<SampleEvent> balances = e -> {
            if (e.event() instanceof SampleEvent.Deposited d && d.amount() < 0) {
                throw new IllegalArgumentException("negative deposit " + d.amount());
            }
            seen.add(e.version());
        };
        ProjectionStatus status = ProjectionRegistry.builder(store, fixture.checkpoints())
                .deadLetters(fixture.deadLetters()).register("balances", balances).build().catchUp().get(0);
        List<RecordedEvent> all = backend.readAll(1, 10);
        assertThat(status.position()).isEqualTo(all.get(2).globalPosition());
        assertThat(seen).hasSize(2);
        assertThat(status.parked()).isEqualTo(1);
        assertThat(status.firstParked()).isEqualTo(all.get(1).globalPosition());

        ProjectionRegistry<SampleEvent> restarted = ProjectionRegistry.builder(store, fixture.checkpoints())
                .deadLetters(fixture.deadLetters()).register("balances", balances).build();
        assertThat(restarted.status("balances").firstParked()).isEqualTo(all.get(1).globalPosition());
        assertThat(restarted.control().parked("balances")).singleElement().satisfies(p -> {
            assertThat(p.streamId()).isEqualTo("acc-b");
            assertThat(p.payload()).containsExactly(all.get(1).payload());
            assertThat(p.errorClass()).isEqualTo(IllegalArgumentException.class.getName());
            assertThat(p.errorMessage()).isEqualTo("negative deposit -1");
        });
        assertThat(restarted.control().skip("balances", all.get(1).globalPosition())).isTrue();
        assertThat(fixture.deadLetters().list("balances")).isEmpty();
    }

    @Test
    void sagaStateRoundTripsAndActiveListsOnlyUnfinishedInstances() {
        SagaStore sagas = fixture.sagas();
        Instant deadline = Instant.ofEpochMilli(1_800_000_000_000L);
        SagaState running = new SagaState("ship", "o-1", SagaState.Status.RUNNING, 1, SagaState.Phase.AWAITING,
                Map.of("sku", "apple", "qty", "2"), deadline, null);
        sagas.save(running);
        sagas.save(new SagaState("ship", "o-2", SagaState.Status.COMPLETED, 3, SagaState.Phase.NONE, Map.of(), null,
                null));
        sagas.save(new SagaState("other", "o-3", SagaState.Status.RUNNING, 0, SagaState.Phase.ACTING, Map.of(), null,
                null));
        assertThat(sagas.load("ship", "o-1")).contains(running);
        assertThat(sagas.load("ship", "o-9")).isEmpty();
        assertThat(sagas.active("ship")).extracting(SagaState::sagaId).containsExactly("o-1");

        SagaState failed = new SagaState("ship", "o-1", SagaState.Status.COMPENSATING, 1, SagaState.Phase.NONE,
                Map.of(), null, "step 'pay' timed out");
        sagas.save(failed);
        assertThat(sagas.load("ship", "o-1")).contains(failed);
    }

    @Test
    void globalPositionsAreUniqueAndIncreasingAcrossStreams() {
        if (!keepsGlobalOrderElseRefusesGlobalReads()) {
            return;
        }
        Set<Long> positions = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            for (RecordedEvent r : backend.append("p-" + (i % 4), List.of(raw("A", "{}"), raw("B", "{}")),
                    ExpectedVersion.any())) {
                assertThat(positions.add(r.globalPosition())).isTrue();
            }
        }
        List<RecordedEvent> all = backend.readAll(1, 1000);
        assertThat(all).hasSize(40).extracting(RecordedEvent::globalPosition).isSorted().doesNotHaveDuplicates();
        assertThat(backend.readAll(all.get(10).globalPosition(), 5)).hasSize(5)
                .first().extracting(RecordedEvent::globalPosition).isEqualTo(all.get(10).globalPosition());
    }
}
