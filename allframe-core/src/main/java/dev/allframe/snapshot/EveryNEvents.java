package dev.allframe.snapshot;

/**
 * {@link SnapshotPolicy#everyNEvents}: a plain class rather than a lambda, which would be a class spun at run time on
 * every cold start (and cannot be stored in an AppCDS archive when the application's own class loader loads it).
 */
final class EveryNEvents implements SnapshotPolicy {
    private final int n;

    EveryNEvents(int n) {
        this.n = n;
    }

    @Override
    public boolean shouldSnapshot(long versionBefore, long versionAfter) {
        return versionBefore / n != versionAfter / n;
    }

    @Override
    public String toString() {
        return "SnapshotPolicy.everyNEvents(" + n + ")";
    }
}
