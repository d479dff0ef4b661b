package dev.allframe.projection;

import java.util.List;
import java.util.Objects;

/**
 * The operator's side of a {@link ProjectionRegistry}: see each projection's status, list the events it parked,
 * retry them after a fix, or skip them. Get it from {@link ProjectionRegistry#control()}. Thread-safe; every call
 * works whether the registry runs live or not, and one event at a time reaches a projection (a retry waits for the
 * event the live thread is applying, and the other way round).
 *
 * <p>A retried event is applied after later events were: a projection whose result depends on the order of events
 * across streams should be rebuilt ({@link ProjectionRegistry#rebuild}) rather than retried.
 *
 * <pre>{@code
 * ProjectionControl control = projections.control();
 * control.parked("order-summary").forEach(p -> log.info(p.toString()));
 * ProjectionControl.Retried r = control.retry("order-summary");   // after deploying the fix
 * control.skip("order-summary", 12);                             // give up on the event at global position 12
 * }</pre>
 */
public final class ProjectionControl {
    private final ProjectionRegistry<?> registry;

    ProjectionControl(ProjectionRegistry<?> registry) {
        this.registry = registry;
    }

    /**
     * What a retry did.
     *
     * @param projection the projection
     * @param applied how many parked events applied and left the dead-letter store
     * @param stillParked the projection's parked events afterwards, in global order (those that failed again carry
     *        the new error and their attempts counted)
     */
    public record Retried(String projection, int applied, List<ParkedEvent> stillParked) {
        /** Copies the list. */
        public Retried {
            stillParked = List.copyOf(stillParked);
        }
    }

    /** @return the status of every projection, in registration order */
    public List<ProjectionStatus> statuses() {
        return registry.statuses();
    }

    /**
     * @param projection a projection's name
     * @return its parked events in global order, read from the dead-letter store
     * @throws IllegalArgumentException if no projection has that name
     */
    public List<ParkedEvent> parked(String projection) {
        return registry.worker(projection).parked();
    }

    /**
     * Replays the parked events of a projection in global order through the current code (each as the event store
     * holds it, upcast as a normal read would): those that apply leave the dead-letter store; those that fail again
     * stay parked. Transient failures are retried with the registry's backoff first.
     *
     * @param projection a projection's name
     * @return what happened
     * @throws IllegalArgumentException if no projection has that name
     */
    public Retried retry(String projection) {
        return registry.worker(projection).retryParked();
    }

    /**
     * Removes a parked event from the dead-letter store without applying it.
     *
     * @param projection a projection's name
     * @param streamId the event's stream
     * @param version the event's version
     * @return whether it was parked
     * @throws IllegalArgumentException if no projection has that name
     */
    public boolean skip(String projection, String streamId, long version) {
        Objects.requireNonNull(streamId, "streamId");
        return registry.worker(projection).skip(streamId, version);
    }

    /**
     * Removes the parked event at a global position without applying it.
     *
     * @param projection a projection's name
     * @param globalPosition the event's global position, at least 1
     * @return whether an event at that position was parked
     * @throws IllegalArgumentException if no projection has that name, or the position is below 1
     */
    public boolean skip(String projection, long globalPosition) {
        if (globalPosition < 1) {
            throw new IllegalArgumentException("globalPosition (expected >= 1): " + globalPosition);
        }
        ProjectionWorker<?> w = registry.worker(projection);
        for (ParkedEvent p : w.parked()) {
            if (p.globalPosition() == globalPosition) {
                return w.skip(p.streamId(), p.version());
            }
        }
        return false;
    }
}
