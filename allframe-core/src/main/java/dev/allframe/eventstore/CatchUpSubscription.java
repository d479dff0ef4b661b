package dev.allframe.eventstore;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** Reads pages of the global order and hands events to a consumer; waits on the backend when caught up. */
final class CatchUpSubscription<E> implements Subscription {
    /** Created on first use: a logger initialises the JDK's logging back end (java.util.logging under the
     * managed Lambda runtime), dozens of classes a cold start should not pay for when nothing is logged. */
    private static final class Log {
        static final System.Logger LOG = System.getLogger(CatchUpSubscription.class.getName());
    }

    private final DefaultEventStore<E> store;
    private final EventStore.EventConsumer<E> consumer;
    private final Duration pollInterval;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition progressed = lock.newCondition();
    private volatile long position;
    private volatile boolean running = true;
    private volatile Failure failure;
    private Thread thread;

    private CatchUpSubscription(DefaultEventStore<E> store, long from, EventStore.EventConsumer<E> consumer,
                                Duration pollInterval) {
        this.store = store;
        this.consumer = consumer;
        this.pollInterval = pollInterval;
        this.position = Math.max(0, from - 1);
    }

    static <E> CatchUpSubscription<E> start(DefaultEventStore<E> store, long from, EventStore.EventConsumer<E> consumer,
                                           Duration pollInterval) {
        if (from < 1) {
            throw new IllegalArgumentException("fromGlobalPosition (expected >= 1): " + from);
        }
        CatchUpSubscription<E> s = new CatchUpSubscription<>(store, from, consumer, pollInterval);
        s.thread = Thread.ofVirtual().name("allframe-subscription").start(s::run);
        return s;
    }

    private void run() {
        try {
            while (running) {
                List<RecordedEvent> batch = store.backend().readAll(position + 1, DefaultEventStore.PAGE);
                if (batch.isEmpty()) {
                    store.awaitAppend(position, pollInterval);
                    continue;
                }
                for (RecordedEvent r : batch) {
                    if (!running) {
                        return;
                    }
                    try {
                        consumer.accept(store.decode(r));
                    } catch (InterruptedException e) {
                        throw e;
                    } catch (Exception | LinkageError | AssertionError e) {
                        if (!running) {
                            return; // closed while delivering: not a failure of the consumer
                        }
                        fail(new Failure(r.globalPosition(), r.streamId(), r.version(), e));
                        return;
                    }
                    advance(r.globalPosition());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // close() interrupts the thread; a JDBC driver answers by closing its socket and throwing from the
            // read in progress. That is the close, not a failure of the store.
            if (running) {
                fail(new Failure(position + 1, null, 0, e));
            }
        } finally {
            running = false;
            signal();
        }
    }

    private void fail(Failure f) {
        failure = f;
        running = false;
        Log.LOG.log(System.Logger.Level.ERROR, "Subscription " + f.describe(), f.error());
    }

    private void advance(long p) {
        lock.lock();
        try {
            position = p;
            progressed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void signal() {
        lock.lock();
        try {
            progressed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public long position() {
        return position;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public Optional<Failure> failure() {
        return Optional.ofNullable(failure);
    }

    @Override
    public boolean awaitPosition(long globalPosition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            while (position < globalPosition) {
                long left = deadline - System.nanoTime();
                if (!running || left <= 0) {
                    return position >= globalPosition;
                }
                progressed.awaitNanos(left);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
