package dev.allframe.cqrs;

import dev.allframe.eventstore.ConcurrencyConflictException;
import dev.allframe.eventstore.EventStore;
import dev.allframe.eventstore.EventStoreLimits;
import dev.allframe.eventstore.ExpectedVersion;
import dev.allframe.eventstore.Metadata;
import dev.allframe.eventstore.StoredEvent;
import dev.allframe.json.JsonCodec;
import dev.allframe.json.JsonCodecException;
import dev.allframe.snapshot.Snapshot;
import dev.allframe.snapshot.SnapshotStore;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The command bus: handler lookup by type (nearest registered supertype), load-decide-append with retries. */
final class DefaultCommandBus<E extends Event> implements CommandBus<E> {
    /** Created on first use: a logger initialises the JDK's logging back end (java.util.logging under the
     * managed Lambda runtime), dozens of classes a cold start should not pay for when nothing is logged. */
    private static final class Log {
        static final System.Logger LOG = System.getLogger(CommandBus.class.getName());
    }

    private final EventStore<E> store;
    private final Map<Class<?>, Registration> handlers;
    private final Map<Class<?>, Validator<Object>> validators;
    private final RetryPolicy retry;
    private final SnapshotStore snapshots;
    private final JsonCodec codec;
    // Per command class, computed once. Plain maps rather than ClassValue: the bus holds its registered classes
    // anyway, and ClassValue's machinery is a handful of classes more on a cold start.
    private final Map<Class<?>, Optional<Registration>> lookup = new ConcurrentHashMap<>();
    private final Map<Class<?>, List<Validator<Object>>> validatorLookup = new ConcurrentHashMap<>();

    DefaultCommandBus(Builder<E> b) {
        this.store = b.store;
        this.handlers = Map.copyOf(b.handlers);
        this.validators = Map.copyOf(b.validators);
        this.retry = b.retry;
        this.snapshots = b.snapshots;
        this.codec = b.codec;
    }

    @Override
    public CommandResult<E> dispatch(Command command, Metadata metadata) {
        java.util.Objects.requireNonNull(command, "command");
        Registration registration = registration(command.getClass());
        if (registration == null) {
            throw new IllegalArgumentException("No handler registered for command " + command.getClass().getName()
                    + "; register one with CommandBus.builder(store).register(...)");
        }
        validate(command);
        long start = 0;
        for (int attempt = 1; ; attempt++) {
            try {
                return registration.decider() != null
                        ? decide(command, registration, metadata)
                        : handle(command, registration, metadata);
            } catch (ConcurrencyConflictException e) {
                if (attempt >= retry.maxAttempts()) {
                    throw e;
                }
                if (attempt == 1) {
                    start = System.nanoTime(); // only a conflict pays for the clock
                }
                long wait = retry.jitteredBackoffNanos(attempt);
                if (System.nanoTime() - start + wait > retry.budget().toNanos()) {
                    throw e;
                }
                if (wait > 0 && !pause(wait)) {
                    throw e;
                }
            }
        }
    }

    /** @return false if interrupted (the flag is set again), so the conflict goes to the caller */
    private static boolean pause(long nanos) {
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
            return true;
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void validate(Command command) {
        List<FieldError> errors = new ArrayList<>();
        String streamId = command.streamId();
        if (streamId == null) {
            errors.add(new FieldError("streamId", "is required"));
        } else {
            try {
                EventStoreLimits.checkStreamId(streamId);
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("streamId", e.getMessage()));
            }
        }
        for (Validator<Object> v : validators(command.getClass())) {
            errors.addAll(v.validate(command));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    @SuppressWarnings("unchecked")
    private CommandResult<E> decide(Command command, Registration registration, Metadata metadata) {
        Decider<Command, Object, E> decider = (Decider<Command, Object, E>) registration.decider();
        String streamId = command.streamId();
        Object state = decider.initialState();
        long version = 0;
        boolean snapshotting = registration.stateType() != null;
        if (snapshotting) {
            Optional<Snapshot> snapshot = snapshots.load(streamId);
            if (snapshot.isPresent()) {
                try {
                    state = codec.read(snapshot.get().payload(), registration.stateType());
                    version = snapshot.get().version();
                } catch (JsonCodecException e) {
                    Log.LOG.log(System.Logger.Level.WARNING, "Ignoring unreadable snapshot of stream '" + streamId
                            + "' at version " + snapshot.get().version() + " (replaying all events): "
                            + e.getMessage());
                    state = decider.initialState();
                }
            }
        }
        for (StoredEvent<E> e : store.read(streamId, version + 1)) {
            state = decider.evolve(state, e.event());
            version = e.version();
        }
        List<E> events = decider.decide(command, state);
        if (events == null || events.isEmpty()) {
            return new CommandResult<>(streamId, version, List.of());
        }
        List<StoredEvent<E>> stored = store.appendEvents(streamId, events, ExpectedVersion.exactly(version),
                metadata);
        long newVersion = stored.get(stored.size() - 1).version();
        if (snapshotting && registration.policy().shouldSnapshot(version, newVersion)) {
            for (E e : events) {
                state = decider.evolve(state, e);
            }
            try {
                snapshots.save(new Snapshot(streamId, newVersion, codec.write(state), Instant.now()));
            } catch (RuntimeException e) {
                // The events are committed; a lost snapshot only costs a longer replay next time.
                Log.LOG.log(System.Logger.Level.WARNING, "Could not save snapshot of stream '" + streamId + "' at version "
                        + newVersion + ": " + e);
            }
        }
        return new CommandResult<>(streamId, newVersion, stored);
    }

    @SuppressWarnings("unchecked")
    private CommandResult<E> handle(Command command, Registration registration, Metadata metadata) {
        CommandHandler<Command, E> handler = (CommandHandler<Command, E>) registration.handler();
        List<E> events = handler.handle(command);
        if (events == null || events.isEmpty()) {
            return new CommandResult<>(command.streamId(), store.version(command.streamId()), List.of());
        }
        List<StoredEvent<E>> stored = store.appendEvents(command.streamId(), events, ExpectedVersion.any(), metadata);
        return new CommandResult<>(command.streamId(), stored.get(stored.size() - 1).version(), stored);
    }

    private Registration registration(Class<?> type) {
        Optional<Registration> r = lookup.get(type);
        if (r == null) {
            r = find(type);
            lookup.putIfAbsent(type, r);
        }
        return r.orElse(null);
    }

    private List<Validator<Object>> validators(Class<?> type) {
        List<Validator<Object>> found = validatorLookup.get(type);
        if (found == null) {
            List<Validator<Object>> out = new ArrayList<>();
            for (Class<?> t : supertypes(type)) {
                Validator<Object> v = validators.get(t);
                if (v != null) {
                    out.add(v);
                }
            }
            found = List.copyOf(out);
            validatorLookup.putIfAbsent(type, found);
        }
        return found;
    }

    private Optional<Registration> find(Class<?> type) {
        for (Class<?> t : supertypes(type)) {
            Registration r = handlers.get(t);
            if (r != null) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /** The type, then its supertypes breadth-first: the nearest registered type wins. */
    static List<Class<?>> supertypes(Class<?> type) {
        List<Class<?>> out = new ArrayList<>();
        Set<Class<?>> seen = new HashSet<>();
        Deque<Class<?>> queue = new ArrayDeque<>();
        queue.add(type);
        while (!queue.isEmpty()) {
            Class<?> t = queue.poll();
            if (t == null || !seen.add(t)) {
                continue;
            }
            out.add(t);
            if (t.getSuperclass() != null) {
                queue.add(t.getSuperclass());
            }
            for (Class<?> i : t.getInterfaces()) {
                queue.add(i);
            }
        }
        return out;
    }
}
