package dev.allframe.projection;

import dev.allframe.eventstore.EventStore;
import dev.allframe.eventstore.Metadata;
import dev.allframe.eventstore.RecordedEvent;
import dev.allframe.eventstore.StoredEvent;

import java.util.List;

/**
 * Decodes one event and applies it to a projection, retrying transient failures ({@link Failures}) with
 * {@link Backoff}; says how it ended, and leaves what to do about a failure to its caller (the worker's policy).
 * Not thread-safe: callers apply one event at a time.
 *
 * @param <E> the event base type
 */
final class EventApplier<E> {
    /**
     * How applying one event ended.
     *
     * @param error what it failed with, {@code null} on success
     * @param attempts how many times the projection was called
     * @param interrupted whether it stopped because the worker is closing or the thread was interrupted (not the
     *        event's fault: record nothing)
     * @param transientError whether the failure is a transient one of the projection (never for decoding)
     */
    record Outcome(Throwable error, int attempts, boolean interrupted, boolean transientError) {
        Outcome(Throwable error, int attempts, boolean interrupted) {
            this(error, attempts, interrupted, false);
        }
    }

    private final Projection<E> projection;
    private final EventStore<E> store;
    private final Backoff backoff;
    private final ProjectionWorker<E> owner;

    /** @param owner the worker, asked whether it is closing (a named call, not a lambda: cold-start classes) */
    EventApplier(Projection<E> projection, EventStore<E> store, Backoff backoff, ProjectionWorker<E> owner) {
        this.projection = projection;
        this.store = store;
        this.backoff = backoff;
        this.owner = owner;
    }

    /**
     * Decodes (upcasting) and applies an event. A decoding failure is deterministic whatever its type: the same
     * bytes through the same code fail the same way.
     */
    Outcome apply(RecordedEvent r) {
        StoredEvent<E> event;
        try {
            event = store.decode(r);
        } catch (RuntimeException | LinkageError | AssertionError | StackOverflowError e) {
            return new Outcome(e, 1, false);
        }
        for (int attempt = 1; ; attempt++) {
            try {
                projection.apply(event);
                return new Outcome(null, attempt, false);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Outcome(e, attempt, true);
            } catch (Throwable e) {
                if (!Failures.isEventFailure(e)) {
                    throw (Error) e; // out of memory and its kind: not a failure of this event
                }
                if (owner.closing()) {
                    return new Outcome(e, attempt, true); // closed while applying: not the event's fault
                }
                boolean transientError = Failures.isTransient(e);
                if (!transientError || attempt >= backoff.maxAttempts()) {
                    return new Outcome(e, attempt, false, transientError);
                }
                try {
                    backoff.pause(attempt);
                } catch (InterruptedException stop) {
                    Thread.currentThread().interrupt();
                    return new Outcome(e, attempt, true);
                }
            }
        }
    }

    /**
     * @param p a parked event
     * @return the event as the store holds it now (with its metadata and time); the parked bytes if the store
     *         cannot say
     */
    RecordedEvent original(ParkedEvent p) {
        try {
            if (p.globalPosition() > 0) {
                List<RecordedEvent> at = store.backend().readAll(p.globalPosition(), 1);
                if (!at.isEmpty() && at.get(0).streamId().equals(p.streamId())
                        && at.get(0).version() == p.version()) {
                    return at.get(0);
                }
            }
        } catch (UnsupportedOperationException e) {
            // no global order (DynamoDB streams mode): read the stream below
        }
        List<RecordedEvent> tail = store.backend().read(p.streamId(), p.version());
        if (!tail.isEmpty() && tail.get(0).version() == p.version()) {
            return tail.get(0);
        }
        return new RecordedEvent(p.streamId(), p.version(), p.globalPosition(), p.type(), p.payload(),
                Metadata.empty(), p.parkedAt());
    }
}
