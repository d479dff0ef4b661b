package dev.allframe.projection;

import dev.allframe.eventstore.EventStore;
import dev.allframe.eventstore.RecordedEvent;
import dev.allframe.eventstore.StoredEvent;
import dev.allframe.eventstore.Subscription;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Feeds one projection: either live on a subscription ({@link #start}) or synchronously up to the current end
 * ({@link #catchUp}). Stops at the first event the projection throws on, keeping its checkpoint before it.
 *
 * @param <E> the event base type
 */
public final class ProjectionWorker<E> {
    /** Events read per backend call while catching up synchronously (as the live subscription does). */
    private static final int PAGE = 500;
    /** Created on first use: a logger initialises the JDK's logging back end (java.util.logging under the
     * managed Lambda runtime), dozens of classes a cold start should not pay for when nothing is logged. */
    private static final class Log {
        static final System.Logger LOG = System.getLogger(ProjectionWorker.class.getName());
    }

    private final String name;
    private final Projection<E> projection;
    private final EventStore<E> store;
    private final CheckpointManager checkpoint;
    private final Duration pollInterval;
    private Subscription subscription;
    private volatile ProjectionStatus failed;

    ProjectionWorker(String name, Projection<E> projection, EventStore<E> store, CheckpointStore checkpoints,
                     Duration pollInterval) {
        this.name = name;
        this.projection = Objects.requireNonNull(projection, "projection");
        this.store = store;
        this.checkpoint = new CheckpointManager(checkpoints, name);
        this.pollInterval = pollInterval;
    }

    /** @return the projection's name */
    public String name() {
        return name;
    }

    synchronized void start() {
        if (subscription != null && subscription.isRunning()) {
            return;
        }
        failed = null;
        subscription = store.subscribe(checkpoint.position() + 1, this::applyOne, pollInterval);
    }

    synchronized void stop() {
        if (subscription != null) {
            subscription.close();
            subscription.failure().ifPresent(f -> failed = failure(f.globalPosition(), f.error()));
            subscription = null;
        }
    }

    synchronized ProjectionStatus catchUp() {
        if (subscription != null && subscription.isRunning()) {
            throw new IllegalStateException("Projection '" + name + "' is running live; catchUp() is for stopped"
                    + " registries (tests, Lambda stream doors)");
        }
        failed = null;
        // Pages straight from the backend rather than readAll()'s Stream: this runs at start-up (and per
        // invocation on an event-driven door), where the stream machinery is measurable cold-start cost.
        long next = checkpoint.position() + 1;
        while (true) {
            List<StoredEvent<E>> page = new ArrayList<>();
            RuntimeException readFailure = null;
            boolean exhausted;
            try {
                List<RecordedEvent> batch = store.backend().readAll(next, PAGE);
                exhausted = batch.size() < PAGE;
                for (RecordedEvent r : batch) {
                    page.add(store.decode(r));
                }
            } catch (RuntimeException e) {
                readFailure = e;
                exhausted = true;
            }
            for (StoredEvent<E> e : page) {
                try {
                    applyOne(e);
                } catch (Exception ex) {
                    failed = failure(e.globalPosition(), ex);
                    return status();
                }
            }
            if (readFailure != null) {
                // What decoded before the failure is applied; the checkpoint stops before the unreadable event.
                failed = failure(checkpoint.position() + 1, readFailure);
                break;
            }
            if (exhausted || page.isEmpty()) {
                break;
            }
            next = page.get(page.size() - 1).globalPosition() + 1;
        }
        return status();
    }

    synchronized void push(StoredEvent<E> event) {
        if (subscription != null && subscription.isRunning()) {
            throw new IllegalStateException("Projection '" + name + "' is running live; push() is for registries"
                    + " fed by an event source (DynamoDB Streams), which are never started");
        }
        try {
            projection.apply(event);
        } catch (Exception e) {
            throw new ProjectionPushException(name, event, e);
        }
    }

    synchronized void rebuild() throws Exception {
        stop();
        projection.reset();
        checkpoint.reset();
        failed = null;
    }

    private void applyOne(StoredEvent<E> event) throws Exception {
        projection.apply(event);
        checkpoint.applied(event.globalPosition());
    }

    private ProjectionStatus failure(long at, Throwable error) {
        String message = "Projection '" + name + "' failed at global position " + at + ": " + error;
        Log.LOG.log(System.Logger.Level.ERROR, message, error);
        return new ProjectionStatus(name, ProjectionStatus.State.FAILED, checkpoint.position(), at, error.toString());
    }

    boolean awaitPosition(long globalPosition, Duration timeout) throws InterruptedException {
        Subscription s;
        synchronized (this) {
            s = subscription;
        }
        if (checkpoint.position() >= globalPosition) {
            return true;
        }
        if (s == null) {
            // Never started (an event-driven door): catch up on the calling thread; the checkpoint says the rest.
            catchUp();
            return checkpoint.position() >= globalPosition;
        }
        return s.awaitPosition(globalPosition, timeout);
    }

    /** @return the projection's current status */
    public ProjectionStatus status() {
        Subscription s = subscription;
        if (s != null) {
            if (s.failure().isPresent()) {
                var f = s.failure().get();
                return new ProjectionStatus(name, ProjectionStatus.State.FAILED, checkpoint.position(),
                        f.globalPosition(), f.error().toString());
            }
            if (s.isRunning()) {
                return new ProjectionStatus(name, ProjectionStatus.State.RUNNING, checkpoint.position(), 0, null);
            }
        }
        ProjectionStatus f = failed;
        if (f != null) {
            return new ProjectionStatus(name, f.state(), checkpoint.position(), f.failedAt(), f.error());
        }
        return new ProjectionStatus(name, ProjectionStatus.State.STOPPED, checkpoint.position(), 0, null);
    }
}
