package dev.allframe.projection;

/**
 * What a projection does with an event it cannot apply (a deterministic failure, or a transient one that outlasted
 * its retries; see {@link Failures}). Chosen per projection at registration; {@link #PARK} unless stated.
 */
public enum FailurePolicy {
    /**
     * The event goes to the {@link DeadLetterStore} with its error, the checkpoint moves past it and the projection
     * continues with the next event. Its status reports it as degraded (parked count, first parked position) until an
     * operator retries or skips the parked events ({@link ProjectionControl}). The default: one bad event never
     * stops a service.
     */
    PARK,
    /**
     * The projection stops at the event, its checkpoint before it, status {@link ProjectionStatus.State#FAILED}; a
     * later {@code start()} or {@code catchUp()} tries the event again. For read models that must never miss an
     * event, at the price of stopping behind one.
     */
    STOP
}
