package dev.allframe.projection;

import dev.allframe.eventstore.EventStore;
import dev.allframe.eventstore.RecordedEvent;
import dev.allframe.eventstore.StoredEvent;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Feeds one projection from the global order: either live on its own virtual thread ({@link #start}) or
 * synchronously up to the current end ({@link #catchUp}). Each event is decoded and applied; a transient failure
 * ({@link Failures}) is retried with {@link Backoff}; an event that cannot be applied is handled by the projection's
 * {@link FailurePolicy}: parked in the {@link DeadLetterStore} and passed (the checkpoint moves on), or the
 * projection stops there with its checkpoint before it. Store reads that fail are retried: live with backoff for as
 * long as it takes, synchronously up to the backoff's attempts. One event at a time reaches the projection, whether
 * from the live thread, a catch-up or an operator's retry.
 *
 * @param <E> the event base type
 */
public final class ProjectionWorker<E> {
    /** Events read per backend call. */
    private static final int PAGE = 500;
    /** Created on first use: a logger initialises the JDK's logging back end (java.util.logging under the
     * managed Lambda runtime), dozens of classes a cold start should not pay for when nothing is logged. */
    private static final class Log {
        static final System.Logger LOG = System.getLogger(ProjectionWorker.class.getName());
    }

    /** What to do after an event. */
    private enum Step {
        /** Applied or parked: go on. */
        NEXT,
        /** Stopped by policy {@link FailurePolicy#STOP}, or parking failed: {@code failed} says why. */
        STOP,
        /** Closing or interrupted: leave the event for later, record nothing. */
        HALT
    }


    private record Failure(long at, String error) {
    }

    private final String name;
    private final Projection<E> projection;
    private final EventStore<E> store;
    private final EventApplier<E> applier;
    private final CheckpointManager checkpoint;
    private final ParkingLot parking;
    private final FailurePolicy policy;
    private final Backoff backoff;
    private final Duration pollInterval;
    /** One event at a time into the projection. */
    private final ReentrantLock applying = new ReentrantLock();
    private final ReentrantLock progress = new ReentrantLock();
    private final Condition progressed = progress.newCondition();
    private Thread thread;
    private volatile boolean running;
    private volatile boolean closing;
    private volatile Failure failed;
    /** The transient error the live thread is retrying after, {@code null} once it progresses. */
    private volatile String retrying;

    ProjectionWorker(String name, Projection<E> projection, EventStore<E> store, CheckpointStore checkpoints,
                     DeadLetterStore deadLetters, FailurePolicy policy, Backoff backoff, Duration pollInterval) {
        this.name = name;
        this.projection = Objects.requireNonNull(projection, "projection");
        this.store = store;
        this.checkpoint = new CheckpointManager(checkpoints, name);
        this.parking = new ParkingLot(deadLetters, name);
        this.policy = Objects.requireNonNull(policy, "policy");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.pollInterval = pollInterval;
        this.applier = new EventApplier<>(projection, store, backoff, this);
    }

    /** @return the projection's name */
    public String name() {
        return name;
    }

    /** @return whether {@link #stop} is under way: a failure now is the close's, not the event's */
    boolean closing() {
        return closing;
    }

    /** @return what the projection does with an event it cannot apply */
    public FailurePolicy policy() {
        return policy;
    }

    synchronized void start() {
        if (running) {
            return;
        }
        failed = null;
        retrying = null;
        closing = false;
        running = true;
        thread = Thread.ofVirtual().name("allframe-projection-" + name).start(this::follow);
    }

    synchronized void stop() {
        Thread t = thread;
        if (t == null) {
            return;
        }
        closing = true;
        t.interrupt();
        try {
            t.join(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread = null;
        running = false;
        retrying = null;
    }

    /** The live loop: read a page from the checkpoint, process it, wait for appends when caught up. */
    private void follow() {
        int readFailures = 0;
        try {
            while (!closing) {
                List<RecordedEvent> batch;
                try {
                    batch = store.backend().readAll(checkpoint.position() + 1, PAGE);
                } catch (UnsupportedOperationException e) {
                    failed = failure(checkpoint.position() + 1, e); // no global order: nothing to retry
                    return;
                } catch (RuntimeException e) {
                    if (closing) {
                        return; // a driver answers the interrupt of close() by failing the read in progress
                    }
                    retrying = e.toString();
                    Log.LOG.log(System.Logger.Level.WARNING, "Projection '" + name + "' cannot read from global"
                            + " position " + (checkpoint.position() + 1) + "; retrying: " + e);
                    backoff.pause(++readFailures);
                    continue;
                }
                readFailures = 0;
                if (batch.isEmpty()) {
                    retrying = null;
                    store.awaitAppend(checkpoint.position(), pollInterval);
                    continue;
                }
                for (RecordedEvent r : batch) {
                    if (closing) {
                        return;
                    }
                    Step step;
                    try {
                        step = process(r);
                    } catch (RuntimeException e) {
                        if (closing) {
                            return;
                        }
                        // The checkpoint could not be saved: read again from the last saved one after a pause (the
                        // event is delivered again, as after a crash).
                        retrying = e.toString();
                        Log.LOG.log(System.Logger.Level.WARNING, "Projection '" + name + "' cannot record global"
                                + " position " + r.globalPosition() + "; retrying: " + e);
                        backoff.pause(++readFailures);
                        break;
                    }
                    if (step == Step.HALT) {
                        return;
                    }
                    if (step == Step.STOP) {
                        if (policy == FailurePolicy.STOP) {
                            return;
                        }
                        // Parking failed (the store is unreachable): try the event again after a pause.
                        retrying = failed.error();
                        failed = null;
                        backoff.pause(++readFailures);
                        break;
                    }
                    retrying = null;
                }
            }
        } catch (InterruptedException e) {
            // close()
        } catch (RuntimeException | Error e) {
            if (!closing) {
                failed = failure(checkpoint.position() + 1, e);
            }
        } finally {
            running = false;
            signal();
        }
    }

    synchronized ProjectionStatus catchUp() {
        if (running) {
            throw new IllegalStateException("Projection '" + name + "' is running live; catchUp() is for stopped"
                    + " registries (tests, Lambda stream doors)");
        }
        failed = null;
        int readFailures = 0;
        try {
            while (true) {
                List<RecordedEvent> batch;
                try {
                    // Pages straight from the backend rather than readAll()'s Stream: this runs at start-up (and
                    // per invocation on an event-driven door), where the stream machinery is measurable cost.
                    batch = store.backend().readAll(checkpoint.position() + 1, PAGE);
                } catch (UnsupportedOperationException e) {
                    failed = failure(checkpoint.position() + 1, e);
                    break;
                } catch (RuntimeException e) {
                    if (++readFailures >= backoff.maxAttempts()) {
                        failed = failure(checkpoint.position() + 1, e);
                        break;
                    }
                    backoff.pause(readFailures);
                    continue;
                }
                readFailures = 0;
                for (RecordedEvent r : batch) {
                    try {
                        if (process(r) != Step.NEXT) {
                            return status();
                        }
                    } catch (RuntimeException e) {
                        failed = failure(r.globalPosition(), e); // the checkpoint could not be saved
                        return status();
                    }
                }
                if (batch.size() < PAGE) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return status();
    }

    /** Decodes and applies one event, then moves the checkpoint past it or handles the failure per policy. */
    private Step process(RecordedEvent r) {
        applying.lock();
        try {
            EventApplier.Outcome o = applier.apply(r);
            if (o.interrupted()) {
                return Step.HALT;
            }
            if (o.error() == null) {
                forgetParked(r);
                advance(r.globalPosition());
                return Step.NEXT;
            }
            if (policy == FailurePolicy.STOP) {
                failed = failure(r.globalPosition(), o.error());
                return Step.STOP;
            }
            try {
                parking.park(r, o.error(), o.attempts());
            } catch (RuntimeException e) {
                e.addSuppressed(o.error());
                failed = failure(r.globalPosition(), e);
                return Step.STOP;
            }
            Log.LOG.log(System.Logger.Level.WARNING, "Projection '" + name + "' parked the event at global position "
                    + r.globalPosition() + " (stream '" + r.streamId() + "' version " + r.version() + ", "
                    + r.type() + ") after " + o.attempts() + " attempt(s) and goes on: " + o.error(), o.error());
            advance(r.globalPosition());
            return Step.NEXT;
        } finally {
            applying.unlock();
        }
    }

    /** An event parked before (then a rebuild or a retry elsewhere applied it) leaves the dead-letter store. */
    private void forgetParked(RecordedEvent r) {
        try {
            if (parking.contains(r.streamId(), r.version())) {
                parking.remove(r.streamId(), r.version());
            }
        } catch (RuntimeException e) {
            // The event applied; its stale entry stays until a retry or skip: not worth stopping for.
            Log.LOG.log(System.Logger.Level.WARNING, "Projection '" + name + "' applied the event at global position "
                    + r.globalPosition() + " but cannot update its dead letters: " + e);
        }
    }


    /** @return the parked events of this projection, in global order, from the store */
    List<ParkedEvent> parked() {
        return parking.list();
    }

    /**
     * Applies every parked event again, in global order, through the current code: those that apply leave the
     * dead-letter store; those that fail stay, with the new error and their attempts counted.
     *
     * @return how many applied, and the events still parked afterwards
     */
    ProjectionControl.Retried retryParked() {
        int applied = 0;
        for (ParkedEvent p : parking.list()) {
            RecordedEvent r = applier.original(p);
            applying.lock();
            try {
                EventApplier.Outcome o = applier.apply(r);
                if (o.interrupted()) {
                    break;
                }
                if (o.error() == null) {
                    parking.remove(p.streamId(), p.version());
                    applied++;
                    Log.LOG.log(System.Logger.Level.INFO, "Projection '" + name + "' applied the parked event at"
                            + " global position " + p.globalPosition() + " on retry");
                } else {
                    parking.park(r, o.error(), o.attempts());
                }
            } finally {
                applying.unlock();
            }
        }
        return new ProjectionControl.Retried(name, applied, parking.list());
    }

    /**
     * Removes a parked event without applying it.
     *
     * @return whether it was parked
     */
    boolean skip(String streamId, long version) {
        applying.lock();
        try {
            return parking.remove(streamId, version);
        } finally {
            applying.unlock();
        }
    }


    /**
     * Decodes and applies an event delivered by its source. A deterministic failure is parked (policy
     * {@link FailurePolicy#PARK}) and the call returns; a transient one that outlasts the retries, any failure under
     * {@link FailurePolicy#STOP}, and a failure to park throw, so the source delivers the event again.
     */
    synchronized void push(RecordedEvent r) {
        if (running) {
            throw new IllegalStateException("Projection '" + name + "' is running live; push() is for registries"
                    + " fed by an event source (DynamoDB Streams), which are never started");
        }
        applying.lock();
        try {
            EventApplier.Outcome o = applier.apply(r);
            if (o.error() == null) {
                forgetParked(r);
                return;
            }
            if (o.interrupted() || o.transientError() || policy == FailurePolicy.STOP) {
                throw new ProjectionPushException(name, r.type(), r.streamId(), r.version(), o.error());
            }
            try {
                parking.park(r, o.error(), o.attempts());
            } catch (RuntimeException e) {
                e.addSuppressed(o.error());
                throw new ProjectionPushException(name, r.type(), r.streamId(), r.version(), e);
            }
            Log.LOG.log(System.Logger.Level.WARNING, "Projection '" + name + "' parked the pushed event of stream '"
                    + r.streamId() + "' version " + r.version() + " (" + r.type() + ", global position "
                    + r.globalPosition() + ") and goes on: " + o.error(), o.error());
        } finally {
            applying.unlock();
        }
    }

    synchronized void push(StoredEvent<E> event) {
        if (running) {
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
        parking.clear();
        failed = null;
    }

    private void advance(long globalPosition) {
        checkpoint.applied(globalPosition);
        signal();
    }

    private void signal() {
        progress.lock();
        try {
            progressed.signalAll();
        } finally {
            progress.unlock();
        }
    }

    private Failure failure(long at, Throwable error) {
        Log.LOG.log(System.Logger.Level.ERROR, "Projection '" + name + "' failed at global position " + at + ": "
                + error, error);
        return new Failure(at, error.toString());
    }

    boolean awaitPosition(long globalPosition, Duration timeout) throws InterruptedException {
        boolean started;
        synchronized (this) {
            started = thread != null;
        }
        if (!started) {
            // Never started (an event-driven door such as Lambda): catch up on the calling thread instead.
            if (checkpoint.position() < globalPosition) {
                catchUp();
            }
            return checkpoint.position() >= globalPosition;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        progress.lock();
        try {
            while (checkpoint.position() < globalPosition) {
                long left = deadline - System.nanoTime();
                if (!running || left <= 0) {
                    return checkpoint.position() >= globalPosition;
                }
                progressed.awaitNanos(left);
            }
            return true;
        } finally {
            progress.unlock();
        }
    }

    /** @return the projection's current status */
    public ProjectionStatus status() {
        long position = checkpoint.position();
        long parked = parking.count();
        long first = parking.first();
        Failure f = failed;
        if (f != null) {
            return new ProjectionStatus(name, ProjectionStatus.State.FAILED, position, f.at(), f.error(), parked,
                    first);
        }
        if (running) {
            return new ProjectionStatus(name, ProjectionStatus.State.RUNNING, position, 0, retrying, parked, first);
        }
        return new ProjectionStatus(name, ProjectionStatus.State.STOPPED, position, 0, null, parked, first);
    }
}
