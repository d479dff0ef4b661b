package dev.allframe.projection;

/**
 * Where a projection is and whether it runs.
 *
 * @param name the projection's name
 * @param state its state
 * @param position the global position of the last event it applied (its checkpoint)
 * @param failedAt the global position of the event it failed on, 0 unless {@link State#FAILED}
 * @param error the failure, {@code null} unless {@link State#FAILED}
 */
public record ProjectionStatus(String name, State state, long position, long failedAt, String error) {
    /** A projection's state. */
    public enum State {
        /** Registered, not following events. */
        STOPPED,
        /** Following events. */
        RUNNING,
        /** Stopped by an event it could not apply; see {@code error} and {@code failedAt}. */
        FAILED
    }
}
