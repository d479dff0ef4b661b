package dev.allframe.projection;

/**
 * Where a projection is, whether it runs, and what it had to park.
 *
 * @param name the projection's name
 * @param state its state
 * @param position the global position of the last event it processed, applied or parked (its checkpoint)
 * @param failedAt the global position of the event it failed on, 0 unless {@link State#FAILED}
 * @param error the failure, {@code null} unless {@link State#FAILED}; while {@link State#RUNNING} it holds the last
 *        transient error the projection is retrying after (an unreachable store), {@code null} once it progresses
 * @param parked how many of its events are in the {@link DeadLetterStore} (as this process knows them)
 * @param firstParked the global position of the first parked event, 0 if none
 */
public record ProjectionStatus(String name, State state, long position, long failedAt, String error, long parked,
                               long firstParked) {
    /**
     * A status with nothing parked.
     *
     * @param name the projection's name
     * @param state its state
     * @param position its checkpoint
     * @param failedAt the position it failed at, or 0
     * @param error the failure, or {@code null}
     */
    public ProjectionStatus(String name, State state, long position, long failedAt, String error) {
        this(name, state, position, failedAt, error, 0, 0);
    }

    /**
     * @return whether the projection has parked events: it follows the events, but its read model lacks those
     *         (an operator lists, retries or skips them through {@link ProjectionControl})
     */
    public boolean degraded() {
        return parked > 0;
    }

    /** @return a one-line description for health output and logs */
    public String describe() {
        String where = switch (state) {
            case FAILED -> "stopped at global position " + failedAt + ": " + error;
            case RUNNING -> "running at global position " + position + (error == null ? "" : ", retrying: " + error);
            case STOPPED -> "stopped at global position " + position;
        };
        return name + " " + where + (degraded() ? "; degraded: " + parked + " parked event(s), the first at global"
                + " position " + firstParked : "");
    }

    /** A projection's state. */
    public enum State {
        /** Registered, not following events. */
        STOPPED,
        /** Following events. */
        RUNNING,
        /**
         * Stopped by an event it could not apply (policy {@link FailurePolicy#STOP}), or by a store it could not
         * reach during a synchronous catch-up; see {@code error} and {@code failedAt}.
         */
        FAILED
    }
}
