package dev.allframe.eventstore;

import java.time.Duration;
import java.util.List;

/**
 * The byte-level SPI every event-store backend implements (in-memory, SQLite, PostgreSQL, DynamoDB). The typed
 * {@link EventStore} adds serialisation, type names and upcasting on top, so a backend deals in bytes only. Every
 * backend passes the conformance kit in {@code allframe-testkit} ({@code EventStoreBackendContract}).
 *
 * <p>Rules an implementation must keep:
 * <ul>
 *   <li>{@link #append} is atomic: all events or none, at versions {@code current+1..current+n}.</li>
 *   <li>Concurrent appends to one stream with exact expectations: one wins, the others get
 *       {@link ConcurrencyConflictException}; no event is lost or duplicated.</li>
 *   <li>{@link #readAll} returns events in increasing global position, and a reader that has seen position
 *       {@code p} never later finds a committed event below {@code p} (no late-committing gaps).</li>
 *   <li>Inputs are checked with {@link EventStoreLimits#check}; bad input is an {@link IllegalArgumentException}
 *       that names what was wrong.</li>
 * </ul>
 * Implementations are thread-safe.
 */
public interface EventStoreBackend extends AutoCloseable {
    /**
     * Appends events to a stream atomically.
     *
     * @param streamId the stream
     * @param events the events, at least one
     * @param expected the expected current version of the stream
     * @return the appended events with their versions, positions and timestamps
     * @throws ConcurrencyConflictException if the stream's version does not match {@code expected}
     * @throws IllegalArgumentException if the stream id, a type name or a payload is invalid or too large
     * @throws EventStoreException if the storage fails; nothing was written
     */
    List<RecordedEvent> append(String streamId, List<EventData> events, ExpectedVersion expected);

    /**
     * Reads one stream in version order: a finite read.
     *
     * @param streamId the stream
     * @param fromVersion the first version to return (1 for the whole stream)
     * @return the events, empty if the stream does not exist
     */
    List<RecordedEvent> read(String streamId, long fromVersion);

    /**
     * Reads a batch of the global order.
     *
     * @param fromGlobalPosition the first position to return (positions start at 1)
     * @param maxCount the largest batch to return, at least 1
     * @return events with positions {@code >= fromGlobalPosition} in increasing order, at most {@code maxCount}
     */
    List<RecordedEvent> readAll(long fromGlobalPosition, int maxCount);

    /**
     * @param streamId the stream
     * @return the stream's current version, 0 if it does not exist
     */
    long version(String streamId);

    /**
     * Waits until an event past {@code afterPosition} may be available, or the timeout passes. Backends wake
     * waiters on appends made through this instance; other processes' appends are found by the caller's polling.
     *
     * @param afterPosition the last position the caller has seen
     * @param timeout the longest wait
     * @throws InterruptedException if interrupted while waiting
     */
    void awaitAppend(long afterPosition, Duration timeout) throws InterruptedException;

    /** Releases connections and files; the backend is unusable afterwards. */
    @Override
    default void close() {
    }
}
