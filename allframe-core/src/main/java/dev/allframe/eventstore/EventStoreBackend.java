package dev.allframe.eventstore;

import java.util.List;

/**
 * The byte-level SPI every event-store backend implements (in-memory, SQLite, PostgreSQL, DynamoDB). A backend only
 * stores and reads bytes: the core wraps it (see {@link EventStore#create}) and does everything else once, for every
 * backend: it checks input against {@link EventStoreLimits} before a call reaches the backend, refuses global reads
 * a backend cannot answer (see {@link #capabilities()}), and wakes waiters on appends
 * ({@link EventStore#awaitAppend}). Every backend passes the conformance kit in {@code allframe-testkit}
 * ({@code EventStoreBackendContract}).
 *
 * <p>Rules an implementation must keep:
 * <ul>
 *   <li>{@link #append} is atomic: all events or none, at versions {@code current+1..current+n}.</li>
 *   <li>Concurrent appends to one stream with exact expectations: one wins, the others get
 *       {@link ConcurrencyConflictException}; no event is lost or duplicated.</li>
 *   <li>If {@link #capabilities()} says it keeps a global order, {@link #readAll} returns events in increasing
 *       global position, and a reader that has seen position {@code p} never later finds a committed event below
 *       {@code p} (no late-committing gaps).</li>
 *   <li>Arguments arrive checked: stream ids, type names, payload sizes and event counts within
 *       {@link EventStoreLimits}, {@code maxCount >= 1}, nothing null.</li>
 * </ul>
 * Implementations are thread-safe.
 */
public interface EventStoreBackend extends AutoCloseable {
    /**
     * Appends events to a stream atomically.
     *
     * @param streamId the stream, already checked
     * @param events the events, at least one, already checked
     * @param expected the expected current version of the stream
     * @return the appended events with their versions, positions and timestamps
     * @throws ConcurrencyConflictException if the stream's version does not match {@code expected}
     * @throws EventStoreException if the storage fails; nothing was written
     */
    List<RecordedEvent> append(String streamId, List<EventData> events, ExpectedVersion expected);

    /**
     * Reads one stream in version order: a finite read.
     *
     * @param streamId the stream, already checked
     * @param fromVersion the first version to return (1 for the whole stream)
     * @return the events, empty if the stream does not exist
     * @throws EventStoreException if the storage fails
     */
    List<RecordedEvent> read(String streamId, long fromVersion);

    /**
     * Reads a batch of the global order. Called only when {@link #capabilities()} reports a global order; the
     * default refuses with the reason the capabilities give, and a backend with a global order overrides it.
     *
     * @param fromGlobalPosition the first position to return (positions start at 1)
     * @param maxCount the largest batch to return, at least 1
     * @return events with positions {@code >= fromGlobalPosition} in increasing order, at most {@code maxCount}
     * @throws UnsupportedOperationException with {@link BackendCapabilities#reason()} if the backend keeps no global
     *                                       order
     * @throws EventStoreException if the storage fails
     */
    default List<RecordedEvent> readAll(long fromGlobalPosition, int maxCount) {
        capabilities().requireGlobalOrder();
        throw new UnsupportedOperationException(getClass().getName()
                + " reports a global order in capabilities() but does not implement readAll");
    }

    /**
     * @param streamId the stream, already checked
     * @return the stream's current version, 0 if it does not exist
     * @throws EventStoreException if the storage fails
     */
    long version(String streamId);

    /**
     * The optional abilities of this backend, asked before a global read. Constant for the backend's lifetime.
     *
     * @return {@link BackendCapabilities#all()} unless the backend lacks an ability, then which and why
     */
    default BackendCapabilities capabilities() {
        return BackendCapabilities.all();
    }

    /** Releases connections and files; the backend is unusable afterwards. */
    @Override
    default void close() {
    }
}
