package dev.allframe.projection;

import java.util.List;

/**
 * Keeps, per consumer (projection or saga), the events it could not apply, on the same backend as the events (SPI:
 * in memory here, SQLite and PostgreSQL in {@code allframe-jdbc}, DynamoDB in {@code allframe-aws}; get the
 * backend's through {@code Stores.deadLetters()}). An entry is identified by {@code (consumer, streamId, version)}.
 * Thread-safe. Operators reach it through {@link ProjectionControl}.
 */
public interface DeadLetterStore {
    /** @return a store in memory, lost with the process */
    static DeadLetterStore inMemory() {
        return new InMemoryDeadLetterStore();
    }

    /**
     * Adds an entry or, if the consumer already has one for that stream and version, replaces its position, type,
     * payload, error and time with the new ones and adds the new attempts to the old: one entry per event, however
     * often it fails.
     *
     * @param event the event and its error
     * @throws dev.allframe.eventstore.EventStoreException if the storage fails; nothing was written
     */
    void park(ParkedEvent event);

    /**
     * @param consumer the consumer's name
     * @return its entries in global order (then stream id and version); empty if none
     * @throws dev.allframe.eventstore.EventStoreException if the storage fails
     */
    List<ParkedEvent> list(String consumer);

    /**
     * @param consumer the consumer's name
     * @param streamId the event's stream
     * @param version the event's version
     * @return whether there was such an entry (it is gone now)
     * @throws dev.allframe.eventstore.EventStoreException if the storage fails
     */
    boolean remove(String consumer, String streamId, long version);
}
