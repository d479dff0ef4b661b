package dev.allframe.eventstore;

import dev.allframe.json.JsonCodec;
import dev.allframe.json.JsonCodecs;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * A typed event store: events of one hierarchy, serialised by a {@link JsonCodec} under stable type names
 * ({@link EventTypes}), over any {@link EventStoreBackend}. Thread-safe.
 *
 * <p>Reading one stream ({@link #read}) is finite; following everything ({@link #subscribe}) catches up from a
 * global position and then stays live until closed.
 *
 * @param <E> the event base type
 */
public interface EventStore<E> {
    /**
     * @param backend the storage
     * @param types the type names and upcasters
     * @param <E> the event base type
     * @return a store using the default JSON codec
     */
    static <E> EventStore<E> create(EventStoreBackend backend, EventTypes<E> types) {
        return create(backend, types, JsonCodecs.defaultCodec());
    }

    /**
     * Creates a store over a backend. The store checks every input against {@link EventStoreLimits} before it
     * reaches the backend, refuses global reads the backend cannot answer (its {@link EventStoreBackend#capabilities()
     * capabilities}) and wakes {@link #awaitAppend waiters} on its appends.
     *
     * @param backend the storage
     * @param types the type names and upcasters
     * @param codec the payload codec
     * @param <E> the event base type
     * @return a store
     */
    static <E> EventStore<E> create(EventStoreBackend backend, EventTypes<E> types, JsonCodec codec) {
        return new DefaultEventStore<>(backend, types, codec);
    }

    /**
     * Appends events atomically.
     *
     * @param streamId the stream
     * @param events the events, at least one
     * @param expected the expected current version
     * @return the stream's new version
     * @throws ConcurrencyConflictException if the stream's version does not match
     * @throws IllegalArgumentException if the input is invalid (see {@link EventStoreLimits})
     */
    default long append(String streamId, List<? extends E> events, ExpectedVersion expected) {
        List<StoredEvent<E>> stored = appendEvents(streamId, events, expected, Metadata.empty());
        return stored.get(stored.size() - 1).version();
    }

    /**
     * Appends events atomically and returns them as stored.
     *
     * @param streamId the stream
     * @param events the events, at least one
     * @param expected the expected current version
     * @param metadata metadata stored with every event
     * @return the stored events with versions and global positions
     * @throws ConcurrencyConflictException if the stream's version does not match
     * @throws IllegalArgumentException if the input is invalid (see {@link EventStoreLimits})
     */
    List<StoredEvent<E>> appendEvents(String streamId, List<? extends E> events, ExpectedVersion expected,
                                      Metadata metadata);

    /**
     * @param streamId the stream
     * @return the whole stream in version order; empty if it does not exist
     * @throws UnknownEventTypeException if a stored type name is not registered
     */
    default List<StoredEvent<E>> read(String streamId) {
        return read(streamId, 1);
    }

    /**
     * @param streamId the stream
     * @param fromVersion the first version to return
     * @return the stream from that version
     * @throws UnknownEventTypeException if a stored type name is not registered
     */
    List<StoredEvent<E>> read(String streamId, long fromVersion);

    /**
     * Reads the global order from a position up to the current end, lazily in pages.
     *
     * @param fromGlobalPosition the first position (1 for everything)
     * @return the events in increasing global position
     * @throws UnknownEventTypeException if a stored type name is not registered (when reached)
     * @throws UnsupportedOperationException with the backend's reason if it keeps no global order (see
     *                                       {@link BackendCapabilities})
     */
    Stream<StoredEvent<E>> readAll(long fromGlobalPosition);

    /**
     * @param streamId the stream
     * @return its current version, 0 if it does not exist
     */
    long version(String streamId);

    /**
     * Follows the global order on a virtual thread: catches up from {@code fromGlobalPosition}, then delivers
     * new events as they are appended. A consumer that throws stops the subscription at that event; the failure
     * and position are reported by {@link Subscription#failure()}, nothing is skipped.
     *
     * @param fromGlobalPosition the first position to deliver
     * @param consumer receives the events in order, one at a time
     * @return the running subscription; close it to stop
     */
    default Subscription subscribe(long fromGlobalPosition, EventConsumer<E> consumer) {
        return subscribe(fromGlobalPosition, consumer, Duration.ofMillis(200));
    }

    /**
     * Like {@link #subscribe(long, EventConsumer)} with a poll interval for appends made by other processes.
     *
     * @param fromGlobalPosition the first position to deliver
     * @param consumer receives the events
     * @param pollInterval how often to look for appends this store did not make
     * @return the running subscription
     * @throws UnsupportedOperationException with the backend's reason if it keeps no global order (see
     *                                       {@link BackendCapabilities})
     */
    Subscription subscribe(long fromGlobalPosition, EventConsumer<E> consumer, Duration pollInterval);

    /**
     * Decodes a backend record (upcasting it first).
     *
     * @param recorded the record
     * @return the decoded event
     * @throws UnknownEventTypeException if its type name is not registered
     * @throws EventStoreException if its payload does not decode
     */
    StoredEvent<E> decode(RecordedEvent recorded);

    /**
     * Waits until an append through this store commits past {@code afterPosition}, or the timeout passes. Appends
     * made by other stores or processes are not signalled: a follower finds them by polling, waiting at most the
     * timeout.
     *
     * @param afterPosition the last global position the caller has seen
     * @param timeout the longest wait
     * @throws InterruptedException if interrupted while waiting
     */
    void awaitAppend(long afterPosition, Duration timeout) throws InterruptedException;

    /**
     * The byte-level view of this store's backend, with the same input checks, capability refusals and append
     * signals as the store itself: appends through it wake this store's waiters.
     *
     * @return the checked backend
     */
    EventStoreBackend backend();

    /** @return the type registry */
    EventTypes<E> types();

    /**
     * Receives events from a subscription.
     *
     * @param <E> the event base type
     */
    @FunctionalInterface
    interface EventConsumer<E> {
        /**
         * @param event the next event
         * @throws Exception to stop the subscription at this event
         */
        void accept(StoredEvent<E> event) throws Exception;
    }
}
