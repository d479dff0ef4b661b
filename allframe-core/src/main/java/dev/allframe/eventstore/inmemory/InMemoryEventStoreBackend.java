package dev.allframe.eventstore.inmemory;

import dev.allframe.eventstore.ConcurrencyConflictException;
import dev.allframe.eventstore.EventData;
import dev.allframe.eventstore.EventStoreBackend;
import dev.allframe.eventstore.ExpectedVersion;
import dev.allframe.eventstore.RecordedEvent;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An {@link EventStoreBackend} in memory. One lock orders appends, so the global order is the commit order and
 * catch-up readers never see gaps. Thread-safe; contents are lost with the process.
 */
public final class InMemoryEventStoreBackend implements EventStoreBackend {
    /**
     * A monitor rather than a {@code ReentrantReadWriteLock}: readers of an in-memory list hold it for microseconds,
     * and the read-write lock was ten more JDK classes on every Lambda cold start that used this store.
     */
    private final Object lock = new Object();
    private final List<RecordedEvent> all = new ArrayList<>();
    private final Map<String, List<RecordedEvent>> streams = new HashMap<>();
    private final Clock clock;
    private volatile int failAfterEvents = -1;

    private InMemoryEventStoreBackend(Clock clock) {
        this.clock = clock;
    }

    /** @return an empty backend using the system clock for timestamps */
    public static InMemoryEventStoreBackend create() {
        return new InMemoryEventStoreBackend(Clock.systemUTC());
    }

    /**
     * @param clock the clock for timestamps
     * @return an empty backend
     */
    public static InMemoryEventStoreBackend create(Clock clock) {
        return new InMemoryEventStoreBackend(clock);
    }

    /**
     * Fault injection for tests of atomicity: the next append throws after staging {@code events} of its events.
     *
     * @param events how many events of the next append to stage before failing
     */
    public void failNextAppendAfter(int events) {
        this.failAfterEvents = events;
    }

    @Override
    public List<RecordedEvent> append(String streamId, List<EventData> events, ExpectedVersion expected) {
        List<RecordedEvent> staged = new ArrayList<>(events.size());
        synchronized (lock) {
            List<RecordedEvent> stream = streams.get(streamId);
            long current = stream == null ? 0 : stream.size();
            if (!expected.matches(current)) {
                throw new ConcurrencyConflictException(streamId, expected, current);
            }
            Instant now = clock.instant();
            long position = all.size();
            int failAfter = failAfterEvents;
            for (EventData e : events) {
                if (staged.size() == failAfter) {
                    failAfterEvents = -1;
                    throw new IllegalStateException("injected failure after " + failAfter + " staged events");
                }
                staged.add(new RecordedEvent(streamId, ++current, ++position, e.type(), e.payload().clone(),
                        e.metadata(), now));
            }
            if (stream == null) { // no computeIfAbsent lambda: one class less to spin up on a cold start
                stream = new ArrayList<>();
                streams.put(streamId, stream);
            }
            stream.addAll(staged);
            all.addAll(staged);
        }
        return List.copyOf(staged);
    }

    @Override
    public List<RecordedEvent> read(String streamId, long fromVersion) {
        synchronized (lock) {
            List<RecordedEvent> stream = streams.getOrDefault(streamId, Collections.emptyList());
            int from = (int) Math.min(Math.max(fromVersion, 1) - 1, stream.size());
            return List.copyOf(stream.subList(from, stream.size()));
        }
    }

    @Override
    public List<RecordedEvent> readAll(long fromGlobalPosition, int maxCount) {
        synchronized (lock) {
            int from = (int) Math.min(Math.max(fromGlobalPosition, 1) - 1, all.size());
            int to = (int) Math.min((long) from + maxCount, all.size());
            return List.copyOf(all.subList(from, to));
        }
    }

    @Override
    public long version(String streamId) {
        synchronized (lock) {
            List<RecordedEvent> stream = streams.get(streamId);
            return stream == null ? 0 : stream.size();
        }
    }
}
