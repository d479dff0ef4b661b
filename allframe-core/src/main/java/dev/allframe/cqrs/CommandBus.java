package dev.allframe.cqrs;

import dev.allframe.eventstore.EventStore;
import dev.allframe.eventstore.Metadata;
import dev.allframe.json.JsonCodec;
import dev.allframe.json.JsonCodecs;
import dev.allframe.snapshot.SnapshotPolicy;
import dev.allframe.snapshot.SnapshotStore;

import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Dispatches commands to their one handler. For a {@link Decider}: validate, load the stream (from the latest
 * snapshot when there is one, then later events), fold {@code evolve}, {@code decide}, and append the new events
 * at exactly the loaded version, so a concurrent change is a {@code ConcurrencyConflictException} (retried only
 * with {@link Builder#retryOnConflict}). Thread-safe once built.
 *
 * <pre>{@code
 * CommandBus<OrderEvent> bus = CommandBus.builder(store).register(OrderCommand.class, new OrderDecider()).build();
 * CommandResult<OrderEvent> r = bus.dispatch(new CreateOrder("o-1", "alice"));
 * }</pre>
 *
 * @param <E> the event base type of the store
 */
public interface CommandBus<E extends Event> {
    /**
     * @param store the event store the bus loads from and appends to
     * @param <E> the event base type
     * @return a new builder
     */
    static <E extends Event> Builder<E> builder(EventStore<E> store) {
        return new Builder<>(store);
    }

    /**
     * Dispatches a command.
     *
     * @param command the command
     * @return the new version and the stored events
     * @throws ValidationException if validation fails (nothing loaded or appended)
     * @throws CommandException if the handler rejects the command
     * @throws dev.allframe.eventstore.ConcurrencyConflictException if another writer changed the stream first
     *         (after the retry policy's attempts)
     * @throws IllegalArgumentException if no handler is registered for the command's type
     */
    default CommandResult<E> dispatch(Command command) {
        return dispatch(command, Metadata.empty());
    }

    /**
     * Dispatches a command, storing metadata (correlation id, user) with its events.
     *
     * @param command the command
     * @param metadata metadata for every appended event
     * @return the new version and the stored events
     */
    CommandResult<E> dispatch(Command command, Metadata metadata);

    /**
     * A mutable, not thread-safe builder. Each command type has one handler; a second registration fails at once
     * naming both.
     *
     * @param <E> the event base type
     */
    final class Builder<E extends Event> {
        final EventStore<E> store;
        final Map<Class<?>, Registration> handlers = new LinkedHashMap<>();
        final Map<Class<?>, Validator<Object>> validators = new LinkedHashMap<>();
        RetryPolicy retry = RetryPolicy.none();
        SnapshotStore snapshots;
        JsonCodec codec = JsonCodecs.defaultCodec();

        Builder(EventStore<E> store) {
            this.store = Objects.requireNonNull(store, "store");
        }

        /**
         * Registers an aggregate for a command type (a sealed interface covers all its commands).
         *
         * @param type the command type
         * @param decider the aggregate
         * @param <C> the command type
         * @param <S> the state type
         * @return this builder
         * @throws IllegalStateException if the type already has a handler
         */
        public <C extends Command, S> Builder<E> register(Class<C> type, Decider<? super C, S, ? extends E> decider) {
            return add(type, new Registration(decider, null, SnapshotPolicy.never(), null));
        }

        /**
         * Registers an aggregate whose state is snapshotted by a policy; needs {@link #snapshotStore}.
         *
         * @param type the command type
         * @param decider the aggregate
         * @param policy when to snapshot
         * @param stateType the state's type, for the JSON codec
         * @param <C> the command type
         * @param <S> the state type
         * @return this builder
         */
        public <C extends Command, S> Builder<E> register(Class<C> type, Decider<? super C, S, ? extends E> decider,
                                                          SnapshotPolicy policy, Type stateType) {
            return add(type, new Registration(decider, null, Objects.requireNonNull(policy, "policy"),
                    Objects.requireNonNull(stateType, "stateType")));
        }

        /**
         * Registers a stateless handler for a command type.
         *
         * @param type the command type
         * @param handler the handler
         * @param <C> the command type
         * @return this builder
         * @throws IllegalStateException if the type already has a handler
         */
        public <C extends Command> Builder<E> register(Class<C> type,
                                                       CommandHandler<? super C, ? extends E> handler) {
            return add(type, new Registration(null, handler, SnapshotPolicy.never(), null));
        }

        /**
         * Adds a validation step for a command type (and its subtypes); validators of all matching types run.
         *
         * @param type the command type
         * @param validator the validator
         * @param <C> the command type
         * @return this builder
         */
        @SuppressWarnings("unchecked")
        public <C> Builder<E> validator(Class<C> type, Validator<? super C> validator) {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(validator, "validator");
            Validator<Object> v = (Validator<Object>) validator;
            Validator<Object> earlier = validators.get(type);
            validators.put(type, earlier == null ? v : both(earlier, v));
            return this;
        }

        private static Validator<Object> both(Validator<Object> a, Validator<Object> b) {
            return c -> {
                var all = new java.util.ArrayList<>(a.validate(c));
                all.addAll(b.validate(c));
                return all;
            };
        }

        /**
         * @param policy retry on concurrency conflicts; default {@link RetryPolicy#none()}
         * @return this builder
         */
        public Builder<E> retryOnConflict(RetryPolicy policy) {
            this.retry = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * @param store where snapshots are kept; default none
         * @return this builder
         */
        public Builder<E> snapshotStore(SnapshotStore store) {
            this.snapshots = Objects.requireNonNull(store, "store");
            return this;
        }

        /**
         * @param codec the codec for snapshot state; default {@link JsonCodecs#defaultCodec()}
         * @return this builder
         */
        public Builder<E> codec(JsonCodec codec) {
            this.codec = Objects.requireNonNull(codec, "codec");
            return this;
        }

        /**
         * @return the bus
         * @throws IllegalStateException if a snapshot policy is registered without a snapshot store
         */
        public CommandBus<E> build() {
            for (var e : handlers.entrySet()) {
                if (e.getValue().stateType() != null && snapshots == null) {
                    throw new IllegalStateException("Command " + e.getKey().getSimpleName()
                            + " has a snapshot policy but the bus has no snapshotStore(...)");
                }
            }
            return new DefaultCommandBus<>(this);
        }

        private Builder<E> add(Class<?> type, Registration registration) {
            Objects.requireNonNull(type, "type");
            Registration previous = handlers.putIfAbsent(type, registration);
            if (previous != null) {
                throw new IllegalStateException("Duplicate handler for command " + type.getName() + ": "
                        + previous.describe() + " is registered, " + registration.describe() + " cannot be added");
            }
            return this;
        }
    }

    /** What handles one command type. */
    record Registration(Decider<?, ?, ?> decider, CommandHandler<?, ?> handler, SnapshotPolicy policy,
                        Type stateType) {
        String describe() {
            Object h = decider != null ? decider : handler;
            return h.getClass().getName();
        }
    }
}
