package dev.allframe.projection;

import dev.allframe.eventstore.EventStoreException;
import dev.allframe.eventstore.UnknownEventTypeException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.concurrent.TimeoutException;

/**
 * The classification of failures that decides between retrying an event and parking it.
 *
 * <p><b>Transient</b> (retried with {@link Backoff}): an exception that is, or is caused by (anywhere in its cause
 * chain),
 * <ul>
 *   <li>an {@link EventStoreException} other than {@link UnknownEventTypeException}: the event store's or another
 *       store's I/O failed (every backend wraps its driver's and SDK's errors in it);</li>
 *   <li>an {@link IOException} or {@link UncheckedIOException};</li>
 *   <li>a {@link SQLTransientException} or {@link SQLRecoverableException} (timeouts, lost connections, lock
 *       contention);</li>
 *   <li>a {@link TimeoutException};</li>
 *   <li>any exception implementing the opt-in marker {@link TransientFailure}.</li>
 * </ul>
 *
 * <p><b>Deterministic</b> (parked at once, or the projection stopped, per its {@link FailurePolicy}): everything
 * else the projection throws on an event ({@code NullPointerException}, {@code IllegalArgumentException},
 * {@code IllegalStateException}, {@code ClassCastException}, a {@code LinkageError} or {@code AssertionError}, a
 * {@code StackOverflowError}), and any failure to decode or upcast the event, whatever its type: the same bytes
 * through the same code fail the same way every time. Other {@link Error}s (out of memory) are not caught.
 */
public final class Failures {
    private Failures() {
    }

    /**
     * @param failure what a projection threw on an event
     * @return whether retrying the same event may succeed (see the class description)
     */
    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TransientFailure || t instanceof IOException || t instanceof UncheckedIOException
                    || t instanceof SQLTransientException || t instanceof SQLRecoverableException
                    || t instanceof TimeoutException) {
                return true;
            }
            if (t instanceof EventStoreException && !(t instanceof UnknownEventTypeException)) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param failure a throwable
     * @return whether a projection worker handles it as a failure of one event (all exceptions, linkage and
     *         assertion errors, stack overflows), rather than letting it end the thread
     */
    static boolean isEventFailure(Throwable failure) {
        return failure instanceof Exception || failure instanceof LinkageError || failure instanceof AssertionError
                || failure instanceof StackOverflowError;
    }
}
