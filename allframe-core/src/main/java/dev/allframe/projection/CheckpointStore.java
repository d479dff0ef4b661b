package dev.allframe.projection;

/**
 * Persists how far each named consumer (projection, saga) has read the global order (SPI: in-memory here,
 * SQLite/PostgreSQL in {@code allframe-jdbc}). Thread-safe.
 */
public interface CheckpointStore {
    /** @return a store in memory */
    static CheckpointStore inMemory() {
        return new InMemoryCheckpointStore();
    }

    /**
     * @param name the consumer's name
     * @return the global position of the last event it processed, 0 if none
     */
    long load(String name);

    /**
     * @param name the consumer's name
     * @param position the global position of the last event it processed; 0 resets
     */
    void save(String name, long position);
}
