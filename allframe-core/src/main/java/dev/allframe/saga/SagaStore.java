package dev.allframe.saga;

import java.util.List;
import java.util.Optional;

/**
 * Persists saga instances (SPI: in-memory here, SQLite/PostgreSQL in {@code allframe-jdbc}). Thread-safe.
 */
public interface SagaStore {
    /** @return a store in memory */
    static SagaStore inMemory() {
        return new InMemorySagaStore();
    }

    /**
     * Inserts or replaces an instance's state.
     *
     * @param state the state
     */
    void save(SagaState state);

    /**
     * @param sagaName the saga's name
     * @param sagaId the instance id
     * @return the instance's state, if it exists
     */
    Optional<SagaState> load(String sagaName, String sagaId);

    /**
     * @param sagaName the saga's name
     * @return the instances that are running or compensating
     */
    List<SagaState> active(String sagaName);
}
