package dev.allframe.saga;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One step of a saga: an action (typically sending a command through the command bus), optionally a reply event
 * to await (success) and one that fails the step, a timeout for the reply, and a compensation that undoes the step
 * if a later step fails.
 *
 * @param name the step's name, for logs and errors
 * @param action runs when the step starts; throwing fails the step
 * @param compensation undoes the completed step, or {@code null} if nothing needs undoing
 * @param success the reply that completes the step, or {@code null} to complete as soon as the action returns
 * @param failure a reply that fails the step, or {@code null}
 * @param timeout how long to await the reply, or {@code null} for no limit
 * @param <E> the event base type
 */
public record SagaStep<E>(String name, Action action, Action compensation, Reply<E> success, Reply<E> failure,
                          Duration timeout) {
    public SagaStep {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(action, "action");
        if (failure != null && success == null) {
            throw new IllegalArgumentException("step '" + name + "' has a failure reply but no success reply");
        }
    }

    /**
     * @param name the step's name
     * @param <E> the event base type
     * @return a builder
     */
    public static <E> Builder<E> builder(String name) {
        return new Builder<>(name);
    }

    /** Code run by a step. */
    @FunctionalInterface
    public interface Action {
        /**
         * @param context the instance
         * @throws Exception to fail the step
         */
        void run(SagaContext context) throws Exception;
    }

    /**
     * An awaited event type and how to find its saga id.
     *
     * @param type the event class
     * @param correlation extracts the saga id from such an event
     * @param <E> the event base type
     */
    public record Reply<E>(Class<? extends E> type, Function<E, String> correlation) {
        Optional<String> correlate(E event) {
            return type.isInstance(event) ? Optional.ofNullable(correlation.apply(event)) : Optional.empty();
        }
    }

    /**
     * A mutable builder.
     *
     * @param <E> the event base type
     */
    public static final class Builder<E> {
        private final String name;
        private Action action;
        private Action compensation;
        private Reply<E> success;
        private Reply<E> failure;
        private Duration timeout;

        Builder(String name) {
            this.name = name;
        }

        /** @param a the action @return this builder */
        public Builder<E> action(Action a) {
            this.action = a;
            return this;
        }

        /** @param c the compensation @return this builder */
        public Builder<E> compensation(Action c) {
            this.compensation = c;
            return this;
        }

        /**
         * @param type the reply that completes the step
         * @param correlation its saga id
         * @param <T> the reply type
         * @return this builder
         */
        @SuppressWarnings("unchecked")
        public <T extends E> Builder<E> awaitSuccess(Class<T> type, Function<? super T, String> correlation) {
            this.success = new Reply<>(type, e -> correlation.apply((T) e));
            return this;
        }

        /**
         * @param type a reply that fails the step
         * @param correlation its saga id
         * @param <T> the reply type
         * @return this builder
         */
        @SuppressWarnings("unchecked")
        public <T extends E> Builder<E> awaitFailure(Class<T> type, Function<? super T, String> correlation) {
            this.failure = new Reply<>(type, e -> correlation.apply((T) e));
            return this;
        }

        /** @param t how long to await the reply @return this builder */
        public Builder<E> timeout(Duration t) {
            if (t.isNegative() || t.isZero()) {
                throw new IllegalArgumentException("timeout (expected > 0): " + t);
            }
            this.timeout = t;
            return this;
        }

        /** @return the step */
        public SagaStep<E> build() {
            if (timeout != null && success == null) {
                throw new IllegalArgumentException("step '" + name + "' has a timeout but awaits no reply");
            }
            return new SagaStep<>(name, action, compensation, success, failure, timeout);
        }
    }
}
