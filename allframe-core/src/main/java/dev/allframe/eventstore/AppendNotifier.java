package dev.allframe.eventstore;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Helps backends implement {@link EventStoreBackend#awaitAppend}: appends call {@link #appended(long)}, waiters
 * wake when the head passes their position or the timeout ends. Thread-safe.
 */
public final class AppendNotifier {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private long head;

    /** Creates a notifier with head 0. */
    public AppendNotifier() {
    }

    /** @param position the global position of the last event just committed */
    public void appended(long position) {
        lock.lock();
        try {
            head = Math.max(head, position);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * @param afterPosition the caller's last seen position
     * @param timeout the longest wait
     * @throws InterruptedException if interrupted
     */
    public void await(long afterPosition, Duration timeout) throws InterruptedException {
        long left = timeout.toNanos();
        lock.lock();
        try {
            while (head <= afterPosition && left > 0) {
                left = changed.awaitNanos(left);
            }
        } finally {
            lock.unlock();
        }
    }
}
