package dev.allframe.projection;

import dev.allframe.eventstore.EventStore;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The control API of projections: register them, start them (each catches up from its checkpoint, then follows
 * live events), ask their status, rebuild one from zero, stop them. Thread-safe once built.
 *
 * <pre>{@code
 * ProjectionRegistry projections = ProjectionRegistry.builder(store, checkpoints)
 *     .register("order-summary", summaries)
 *     .build();
 * projections.start();
 * }</pre>
 *
 * @param <E> the event base type
 */
public final class ProjectionRegistry<E> implements AutoCloseable {
    private final Map<String, ProjectionWorker<E>> workers;

    private ProjectionRegistry(Map<String, ProjectionWorker<E>> workers) {
        this.workers = workers;
    }

    /**
     * @param store the event store to read
     * @param checkpoints where positions are kept
     * @param <E> the event base type
     * @return a new builder
     */
    public static <E> Builder<E> builder(EventStore<E> store, CheckpointStore checkpoints) {
        return new Builder<>(store, checkpoints);
    }

    /**
     * @return the operator's API: statuses, parked events, retry, skip
     */
    public ProjectionControl control() {
        return new ProjectionControl(this);
    }

    /** Starts every projection that is not running (a failed one restarts at its failing event). */
    public void start() {
        workers.values().forEach(ProjectionWorker::start);
    }

    /**
     * Applies every available event synchronously, without live threads; for start-up, tests and event-driven
     * doors. Events that cannot be applied are parked (policy {@link FailurePolicy#PARK}), so the catch-up reaches
     * the end; a projection with policy {@link FailurePolicy#STOP} stops at such an event, and any projection stops
     * where the store cannot be read after the backoff's attempts (status {@link ProjectionStatus.State#FAILED}; the
     * next call tries again from there).
     *
     * @return the status of each projection afterwards
     * @throws IllegalStateException if the registry is running live
     */
    public List<ProjectionStatus> catchUp() {
        List<ProjectionStatus> out = new ArrayList<>();
        for (ProjectionWorker<E> w : workers.values()) {
            out.add(w.catchUp());
        }
        return out;
    }

    /**
     * Pushes one event to every projection, in registration order, for doors where the event source delivers the
     * events instead of the registry reading them (DynamoDB Streams on Lambda: the stream's shard iterator is the
     * position, so checkpoints are neither read nor written here). The source redelivers after a failure, so a
     * projection may see an event again: {@link Projection#apply} should be idempotent, as it must be anyway.
     *
     * @param event the event
     * @throws ProjectionPushException naming the first projection that failed; projections after it did not get
     *         the event
     * @throws IllegalStateException if the registry is running live (events would be applied twice)
     */
    public void push(dev.allframe.eventstore.StoredEvent<E> event) {
        java.util.Objects.requireNonNull(event, "event");
        for (ProjectionWorker<E> w : workers.values()) {
            w.push(event);
        }
    }

    /**
     * Decodes an event delivered by its source and pushes it to every projection, in registration order (DynamoDB
     * Streams on Lambda; see {@link #push(dev.allframe.eventstore.StoredEvent)} for the rules on positions and
     * redelivery). Failures are isolated as in a catch-up: transient ones are retried with the backoff; an event a
     * projection cannot apply, or that cannot be decoded, is parked for that projection (policy
     * {@link FailurePolicy#PARK}) and the next projection still gets it, so a poison record never blocks the source.
     *
     * @param recorded the event as the backend holds it
     * @throws ProjectionPushException naming the first projection that stopped on the event: a transient failure
     *         that outlasted the retries, a projection with {@link FailurePolicy#STOP}, or a dead-letter store that
     *         cannot be written; the source should deliver the event again. Projections after it did not get it.
     * @throws IllegalStateException if the registry is running live
     */
    public void push(dev.allframe.eventstore.RecordedEvent recorded) {
        java.util.Objects.requireNonNull(recorded, "recorded");
        for (ProjectionWorker<E> w : workers.values()) {
            w.push(recorded);
        }
    }

    /**
     * Stops a projection, clears its read model ({@link Projection#reset()}) and checkpoint, and starts it again
     * from the first event if the registry was running.
     *
     * @param name the projection
     * @param restart whether to start it again at once
     * @throws Exception if the projection cannot reset
     */
    public void rebuild(String name, boolean restart) throws Exception {
        ProjectionWorker<E> w = worker(name);
        w.rebuild();
        if (restart) {
            w.start();
        }
    }

    /**
     * @param name a projection
     * @return its status
     * @throws IllegalArgumentException if no projection has that name
     */
    public ProjectionStatus status(String name) {
        return worker(name).status();
    }

    /** @return the status of every projection, in registration order */
    public List<ProjectionStatus> statuses() {
        return workers.values().stream().map(ProjectionWorker::status).toList();
    }

    /**
     * Waits until a projection has applied the event at a position; use it to read your own writes
     * ({@code CommandResult.lastGlobalPosition()}). On a started registry it waits for the live worker, up to the
     * timeout; on a registry that was never started (an event-driven door such as AWS Lambda, where no thread runs
     * between invocations) it catches the projection up on the calling thread instead, and the timeout is unused.
     *
     * @param name the projection
     * @param globalPosition the position
     * @param timeout the longest wait for a live worker
     * @return whether it got there (false if it failed before, or the timeout passed)
     * @throws InterruptedException if interrupted
     * @throws IllegalArgumentException if no projection has that name
     */
    public boolean awaitPosition(String name, long globalPosition, Duration timeout) throws InterruptedException {
        return worker(name).awaitPosition(globalPosition, timeout);
    }

    /**
     * {@link #awaitPosition} for every projection: read-your-writes for a query that reads more than one read
     * model. The timeout applies to each live projection in turn, so the whole wait is bounded by it times the
     * number of projections.
     *
     * @param globalPosition the position
     * @param timeout the longest wait for each live worker
     * @return whether every projection got there
     * @throws InterruptedException if interrupted
     */
    public boolean awaitAll(long globalPosition, Duration timeout) throws InterruptedException {
        boolean all = true;
        for (ProjectionWorker<E> w : workers.values()) {
            all &= w.awaitPosition(globalPosition, timeout);
        }
        return all;
    }

    /** Stops every projection; their checkpoints stay. */
    @Override
    public void close() {
        workers.values().forEach(ProjectionWorker::stop);
    }

    ProjectionWorker<E> worker(String name) {
        ProjectionWorker<E> w = workers.get(name);
        if (w == null) {
            throw new IllegalArgumentException("No projection named '" + name + "'; registered: " + workers.keySet());
        }
        return w;
    }

    /**
     * A mutable, not thread-safe builder; a duplicate name fails at once.
     *
     * @param <E> the event base type
     */
    public static final class Builder<E> {
        private final EventStore<E> store;
        private final CheckpointStore checkpoints;
        private Duration pollInterval = Duration.ofMillis(200);
        private DeadLetterStore deadLetters;
        private Backoff backoff = Backoff.DEFAULT;
        private final Map<String, Registration<E>> registrations = new LinkedHashMap<>();

        private record Registration<E>(Projection<E> projection, FailurePolicy policy, Duration pollInterval,
                                       CheckpointStore checkpoints) {
        }

        Builder(EventStore<E> store, CheckpointStore checkpoints) {
            this.store = Objects.requireNonNull(store, "store");
            this.checkpoints = Objects.requireNonNull(checkpoints, "checkpoints");
        }

        /**
         * Registers a projection with policy {@link FailurePolicy#PARK}.
         *
         * @param name a stable name; it keys the checkpoint and the dead letters
         * @param projection the projection
         * @return this builder
         * @throws IllegalStateException if the name is taken
         */
        public Builder<E> register(String name, Projection<E> projection) {
            return register(name, projection, FailurePolicy.PARK);
        }

        /**
         * @param name a stable name; it keys the checkpoint and the dead letters
         * @param projection the projection
         * @param policy what it does with an event it cannot apply
         * @return this builder
         * @throws IllegalStateException if the name is taken
         */
        public Builder<E> register(String name, Projection<E> projection, FailurePolicy policy) {
            return register(name, projection, policy, checkpoints);
        }

        /**
         * Registers a projection whose checkpoint lives in its own store: a read model kept in memory keeps its
         * checkpoint in memory ({@link CheckpointStore#inMemory()}), so every start rebuilds it from the events.
         *
         * @param name a stable name; it keys the checkpoint and the dead letters
         * @param projection the projection
         * @param policy what it does with an event it cannot apply
         * @param checkpoints where this projection's position is kept
         * @return this builder
         * @throws IllegalStateException if the name is taken
         */
        public Builder<E> register(String name, Projection<E> projection, FailurePolicy policy,
                                   CheckpointStore checkpoints) {
            Objects.requireNonNull(checkpoints, "checkpoints");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(projection, "projection");
            Objects.requireNonNull(policy, "policy");
            if (name.isBlank()) {
                throw new IllegalArgumentException("projection name must not be blank");
            }
            if (registrations.containsKey(name)) {
                throw new IllegalStateException("Duplicate projection name '" + name + "'");
            }
            registrations.put(name, new Registration<>(projection, policy, pollInterval, checkpoints));
            return this;
        }

        /**
         * Where parked events are kept: pass the backend's ({@code stores.deadLetters()}) so they survive a
         * restart and operators see them from any instance. Default: in memory, lost with the process.
         *
         * @param deadLetters the store
         * @return this builder
         */
        public Builder<E> deadLetters(DeadLetterStore deadLetters) {
            this.deadLetters = Objects.requireNonNull(deadLetters, "deadLetters");
            return this;
        }

        /**
         * How transient failures are retried, for every projection. Default {@link Backoff#DEFAULT}.
         *
         * @param backoff the backoff
         * @return this builder
         */
        public Builder<E> backoff(Backoff backoff) {
            this.backoff = Objects.requireNonNull(backoff, "backoff");
            return this;
        }

        /**
         * How often to look for events appended by other processes (this process's appends wake workers at once).
         * Default 200 ms; applies to projections registered after the call.
         *
         * @param interval the interval
         * @return this builder
         */
        public Builder<E> pollInterval(Duration interval) {
            this.pollInterval = Objects.requireNonNull(interval, "interval");
            return this;
        }

        /** @return the registry, not started */
        public ProjectionRegistry<E> build() {
            DeadLetterStore parked = deadLetters != null ? deadLetters : DeadLetterStore.inMemory();
            Map<String, ProjectionWorker<E>> workers = new LinkedHashMap<>();
            for (Map.Entry<String, Registration<E>> e : registrations.entrySet()) {
                Registration<E> r = e.getValue();
                workers.put(e.getKey(), new ProjectionWorker<>(e.getKey(), r.projection(), store, r.checkpoints(), parked,
                        r.policy(), backoff, r.pollInterval()));
            }
            return new ProjectionRegistry<>(workers);
        }
    }
}
