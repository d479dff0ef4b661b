package dev.allframe.snapshot;

/** When to take a snapshot after an append. Implementations are pure. */
@FunctionalInterface
public interface SnapshotPolicy {
    /**
     * @param n the interval, at least 1
     * @return a policy that snapshots whenever an append crosses a multiple of {@code n} events
     */
    static SnapshotPolicy everyNEvents(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("snapshot interval (expected >= 1): " + n);
        }
        return new EveryNEvents(n);
    }

    /** @return a policy that never snapshots */
    static SnapshotPolicy never() {
        return (before, after) -> false;
    }

    /**
     * @param versionBefore the stream version before the append
     * @param versionAfter the version after it
     * @return whether to snapshot the state at {@code versionAfter}
     */
    boolean shouldSnapshot(long versionBefore, long versionAfter);
}
