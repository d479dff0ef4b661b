package dev.allframe.eventstore;

import java.time.Duration;
import java.util.Optional;

/** A running catch-up-then-live subscription ({@link EventStore#subscribe}). Thread-safe. */
public interface Subscription extends AutoCloseable {
    /** @return the global position of the last event the consumer accepted, 0 if none */
    long position();

    /** @return whether the subscription is still delivering */
    boolean isRunning();

    /** @return the failure that stopped it, if any */
    Optional<Failure> failure();

    /**
     * Waits until the consumer has accepted the event at {@code globalPosition} (or a later one).
     *
     * @param globalPosition the position to wait for
     * @param timeout the longest wait
     * @return whether the position was reached; false on timeout or if the subscription stopped first
     * @throws InterruptedException if interrupted
     */
    boolean awaitPosition(long globalPosition, Duration timeout) throws InterruptedException;

    /** Stops delivering and waits for the delivery thread to end. */
    @Override
    void close();

    /**
     * Why a subscription stopped.
     *
     * @param globalPosition the position of the event that could not be delivered
     * @param streamId its stream, or {@code null} if it could not be read
     * @param version its version in the stream, or 0
     * @param error what was thrown
     */
    record Failure(long globalPosition, String streamId, long version, Throwable error) {
        /** @return a one-line description for operators */
        public String describe() {
            return "stopped at global position " + globalPosition
                    + (streamId == null ? "" : " (stream '" + streamId + "' version " + version + ")") + ": "
                    + error;
        }
    }
}
