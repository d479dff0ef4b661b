package dev.allframe.eventstore;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What the core adds around every {@link EventStoreBackend}, once: input checks ({@link EventStoreLimits}), the
 * refusal of global reads a backend cannot answer ({@link BackendCapabilities}), and waking waiters when an append
 * through this wrapper commits ({@link #awaitAppend}). The backend beneath only stores and reads bytes.
 * Thread-safe.
 */
final class CheckedBackend implements EventStoreBackend {
    private final EventStoreBackend backend;
    private final BackendCapabilities capabilities;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition appended = lock.newCondition();
    private long head;

    private CheckedBackend(EventStoreBackend backend) {
        this.backend = backend;
        this.capabilities = Objects.requireNonNull(backend.capabilities(), "backend.capabilities()");
    }

    /**
     * @param backend a backend, wrapped or not
     * @return the backend wrapped once
     */
    static CheckedBackend of(EventStoreBackend backend) {
        Objects.requireNonNull(backend, "backend");
        return backend instanceof CheckedBackend checked ? checked : new CheckedBackend(backend);
    }

    @Override
    public List<RecordedEvent> append(String streamId, List<EventData> events, ExpectedVersion expected) {
        EventStoreLimits.check(streamId, events, expected);
        List<RecordedEvent> recorded = backend.append(streamId, events, expected);
        long last = recorded.get(recorded.size() - 1).globalPosition();
        if (last > 0) { // 0: a backend without global order has no position to wait for
            lock.lock();
            try {
                head = Math.max(head, last);
                appended.signalAll();
            } finally {
                lock.unlock();
            }
        }
        return recorded;
    }

    @Override
    public List<RecordedEvent> read(String streamId, long fromVersion) {
        EventStoreLimits.checkStreamId(streamId);
        return backend.read(streamId, fromVersion);
    }

    @Override
    public List<RecordedEvent> readAll(long fromGlobalPosition, int maxCount) {
        if (maxCount < 1) {
            throw new IllegalArgumentException("maxCount (expected >= 1): " + maxCount);
        }
        capabilities.requireGlobalOrder();
        return backend.readAll(fromGlobalPosition, maxCount);
    }

    @Override
    public long version(String streamId) {
        EventStoreLimits.checkStreamId(streamId);
        return backend.version(streamId);
    }

    @Override
    public BackendCapabilities capabilities() {
        return capabilities;
    }

    /**
     * Waits until an append through this wrapper commits past {@code afterPosition}, or the timeout passes.
     *
     * @param afterPosition the last position the caller has seen
     * @param timeout the longest wait
     * @throws InterruptedException if interrupted while waiting
     */
    void awaitAppend(long afterPosition, Duration timeout) throws InterruptedException {
        long left = timeout.toNanos();
        lock.lock();
        try {
            while (head <= afterPosition && left > 0) {
                left = appended.awaitNanos(left);
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        backend.close();
    }
}
