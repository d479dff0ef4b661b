package dev.allframe.saga;

import dev.allframe.eventstore.StoredEvent;
import dev.allframe.projection.Projection;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs one {@link SagaDefinition}: it is a {@link Projection}, so register it in a
 * {@code ProjectionRegistry} to get checkpointed catch-up and live delivery. Every transition is saved in the
 * {@link SagaStore} before the next action runs, so after a restart a new manager over the same stores continues:
 * call {@link #recover()} once at start-up (re-runs actions interrupted mid-flight and unfinished compensations),
 * and {@link #checkTimeouts()} periodically (a scheduler in production, by hand with a fixed clock in tests).
 *
 * <p>Delivery is at-least-once: actions and compensations may run again after a crash and must be idempotent
 * (send commands whose handlers ignore repeats). Methods are synchronized: one manager per saga per process.
 *
 * @param <E> the event base type
 */
public final class SagaManager<E> implements Projection<E> {
    /** Created on first use: a logger initialises the JDK's logging back end (java.util.logging under the
     * managed Lambda runtime), dozens of classes a cold start should not pay for when nothing is logged. */
    private static final class Log {
        static final System.Logger LOG = System.getLogger(SagaManager.class.getName());
    }

    private final SagaDefinition<E> definition;
    private final SagaStore store;
    private final Clock clock;

    private SagaManager(SagaDefinition<E> definition, SagaStore store, Clock clock) {
        this.definition = Objects.requireNonNull(definition, "definition");
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param definition the saga
     * @param store where instances are kept
     * @param clock the clock for step deadlines
     * @param <E> the event base type
     * @return a manager
     */
    public static <E> SagaManager<E> create(SagaDefinition<E> definition, SagaStore store, Clock clock) {
        return new SagaManager<>(definition, store, clock);
    }

    /** @return the saga's name (use it as the projection name) */
    public String name() {
        return definition.name();
    }

    /**
     * @param sagaId an instance id
     * @return the instance's state, if it exists
     */
    public Optional<SagaState> state(String sagaId) {
        return store.load(definition.name(), sagaId);
    }

    @Override
    public synchronized void apply(StoredEvent<E> stored) {
        E event = stored.event();
        Optional<String> startId = definition.trigger().correlate(event);
        if (startId.isPresent() && store.load(definition.name(), startId.get()).isEmpty()) {
            SagaContext ctx = new SagaContext(startId.get(), Map.of());
            definition.onStart().accept(event, ctx);
            SagaState state = new SagaState(definition.name(), startId.get(), SagaState.Status.RUNNING, 0,
                    SagaState.Phase.ACTING, ctx.data(), null, null);
            store.save(state);
            runStep(state);
        }
        List<SagaStep<E>> steps = definition.steps();
        for (int i = 0; i < steps.size(); i++) {
            SagaStep<E> step = steps.get(i);
            boolean success = true;
            Optional<String> id = step.success() == null ? Optional.empty() : step.success().correlate(event);
            if (id.isEmpty() && step.failure() != null) {
                id = step.failure().correlate(event);
                success = false;
            }
            if (id.isEmpty()) {
                continue;
            }
            Optional<SagaState> found = store.load(definition.name(), id.get());
            if (found.isEmpty()) {
                continue;
            }
            SagaState s = found.get();
            if (s.status() != SagaState.Status.RUNNING || s.step() != i || s.phase() != SagaState.Phase.AWAITING) {
                continue; // a late or repeated reply: the instance has moved on
            }
            if (success) {
                completeStep(s, s.data());
            } else {
                compensate(s, "step '" + step.name() + "' failed: " + stored.type() + " (stream '"
                        + stored.streamId() + "' version " + stored.version() + ")");
            }
        }
    }

    /**
     * Fails every awaiting step whose deadline has passed by the clock, compensating its instance.
     *
     * @return how many instances timed out
     */
    public synchronized int checkTimeouts() {
        Instant now = clock.instant();
        int n = 0;
        for (SagaState s : store.active(definition.name())) {
            if (s.status() == SagaState.Status.RUNNING && s.phase() == SagaState.Phase.AWAITING
                    && s.deadline() != null && !now.isBefore(s.deadline())) {
                n++;
                compensate(s, "step '" + definition.steps().get(s.step()).name() + "' timed out at " + s.deadline());
            }
        }
        return n;
    }

    /**
     * Checks timeouts periodically on a daemon thread until the returned handle is closed; the production
     * companion of {@link #checkTimeouts()}.
     *
     * @param interval how often to check
     * @return closing it stops the checks
     */
    public AutoCloseable checkTimeoutsEvery(java.time.Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval (expected > 0): " + interval);
        }
        java.util.concurrent.ScheduledExecutorService timer = java.util.concurrent.Executors
                .newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "allframe-saga-timeouts-" + definition.name());
                    t.setDaemon(true);
                    return t;
                });
        timer.scheduleWithFixedDelay(() -> {
            try {
                checkTimeouts();
            } catch (RuntimeException e) {
                Log.LOG.log(System.Logger.Level.ERROR, "Saga '" + definition.name() + "' timeout check failed", e);
            }
        }, interval.toMillis(), interval.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        return timer::shutdownNow;
    }

    /**
     * Continues instances a previous process left mid-transition: re-runs actions that were in flight and
     * finishes compensations. Call once before following events.
     *
     * @return how many instances were resumed
     */
    public synchronized int recover() {
        int n = 0;
        for (SagaState s : store.active(definition.name())) {
            if (s.status() == SagaState.Status.RUNNING && s.phase() == SagaState.Phase.ACTING) {
                n++;
                runStep(s);
            } else if (s.status() == SagaState.Status.COMPENSATING) {
                n++;
                continueCompensation(s);
            }
        }
        return n;
    }

    private void runStep(SagaState state) {
        SagaStep<E> step = definition.steps().get(state.step());
        SagaContext ctx = new SagaContext(state.sagaId(), state.data());
        try {
            step.action().run(ctx);
        } catch (Exception e) {
            compensate(state.with(state.status(), state.step(), state.phase(), ctx.data(), null, null),
                    "step '" + step.name() + "' failed: " + e);
            return;
        }
        if (step.success() == null) {
            completeStep(state, ctx.data());
        } else {
            Instant deadline = step.timeout() == null ? null : clock.instant().plus(step.timeout());
            store.save(state.with(SagaState.Status.RUNNING, state.step(), SagaState.Phase.AWAITING, ctx.data(),
                    deadline, null));
        }
    }

    private void completeStep(SagaState state, Map<String, String> data) {
        int next = state.step() + 1;
        if (next == definition.steps().size()) {
            store.save(state.with(SagaState.Status.COMPLETED, next, SagaState.Phase.NONE, data, null, null));
            return;
        }
        SagaState acting = state.with(SagaState.Status.RUNNING, next, SagaState.Phase.ACTING, data, null, null);
        store.save(acting);
        runStep(acting);
    }

    /** Starts undoing steps {@code 0..step-1}, the completed ones, newest first. */
    private void compensate(SagaState state, String reason) {
        Log.LOG.log(System.Logger.Level.WARNING, "Saga '" + definition.name() + "' instance '" + state.sagaId()
                + "' compensating: " + reason);
        SagaState compensating = state.with(SagaState.Status.COMPENSATING, state.step(), SagaState.Phase.NONE,
                state.data(), null, reason);
        store.save(compensating);
        continueCompensation(compensating);
    }

    private void continueCompensation(SagaState state) {
        SagaState s = state;
        while (s.step() > 0) {
            SagaStep<E> step = definition.steps().get(s.step() - 1);
            SagaContext ctx = new SagaContext(s.sagaId(), s.data());
            if (step.compensation() != null) {
                try {
                    step.compensation().run(ctx);
                } catch (Exception e) {
                    store.save(s.with(SagaState.Status.FAILED, s.step(), SagaState.Phase.NONE, ctx.data(), null,
                            s.error() + "; compensation of step '" + step.name() + "' failed: " + e));
                    Log.LOG.log(System.Logger.Level.ERROR, "Saga '" + definition.name() + "' instance '" + s.sagaId()
                            + "' failed to compensate step '" + step.name() + "'", e);
                    return;
                }
            }
            s = s.with(SagaState.Status.COMPENSATING, s.step() - 1, SagaState.Phase.NONE, ctx.data(), null, s.error());
            store.save(s);
        }
        store.save(s.with(SagaState.Status.COMPENSATED, 0, SagaState.Phase.NONE, s.data(), null, s.error()));
    }
}
