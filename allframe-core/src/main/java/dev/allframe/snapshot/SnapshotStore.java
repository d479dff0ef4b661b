package dev.allframe.snapshot;

import java.util.Optional;

/**
 * Keeps the latest snapshot per stream (SPI: in-memory here, SQLite/PostgreSQL tables in {@code allframe-jdbc}).
 * Saving an older version than the stored one keeps the newer. Implementations are thread-safe.
 */
public interface SnapshotStore {
    /** @return a store in memory */
    static SnapshotStore inMemory() {
        return new InMemorySnapshotStore();
    }

    /**
     * Saves a snapshot unless a newer one is stored.
     *
     * @param snapshot the snapshot
     */
    void save(Snapshot snapshot);

    /**
     * @param streamId the stream
     * @return its latest snapshot, if any
     */
    Optional<Snapshot> load(String streamId);
}
