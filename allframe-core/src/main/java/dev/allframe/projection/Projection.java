package dev.allframe.projection;

import dev.allframe.eventstore.StoredEvent;

/**
 * A read model fed from the global event order. The registry delivers each event once per checkpoint; after a
 * crash between applying an event and saving the checkpoint the event is delivered again, so {@link #apply} should
 * be idempotent (for example keyed by stream id and version).
 *
 * @param <E> the event base type
 */
@FunctionalInterface
public interface Projection<E> {
    /**
     * @param event the next event in global order
     * @throws Exception if the event cannot be applied: a transient failure ({@link Failures#isTransient}) is
     *         retried with backoff; any other is handled by the projection's {@link FailurePolicy} (parked and
     *         passed by default, or the projection stops at this event)
     */
    void apply(StoredEvent<E> event) throws Exception;

    /**
     * Clears the read model before a rebuild from position zero. The default refuses with a reason, so a
     * projection that cannot rebuild is never silently double-applied.
     *
     * @throws Exception if clearing fails
     */
    default void reset() throws Exception {
        throw new UnsupportedOperationException(getClass().getSimpleName()
                + " cannot be rebuilt: implement Projection.reset() to clear its read model");
    }
}
