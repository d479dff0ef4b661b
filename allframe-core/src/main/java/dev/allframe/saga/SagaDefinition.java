package dev.allframe.saga;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * A saga: the event that starts an instance (and its id), then steps run in order.
 *
 * <pre>{@code
 * SagaDefinition<OrderEvent> fulfil = SagaDefinition.<OrderEvent>builder("fulfil-order")
 *     .startedBy(OrderSubmitted.class, OrderSubmitted::orderId)
 *     .step(SagaStep.<OrderEvent>builder("reserve-stock")
 *         .action(ctx -> bus.dispatch(new ReserveStock(ctx.sagaId())))
 *         .awaitSuccess(StockReserved.class, StockReserved::orderId)
 *         .awaitFailure(StockRejected.class, StockRejected::orderId)
 *         .timeout(Duration.ofMinutes(5))
 *         .compensation(ctx -> bus.dispatch(new ReleaseStock(ctx.sagaId())))
 *         .build())
 *     .build();
 * }</pre>
 *
 * @param <E> the event base type
 */
public final class SagaDefinition<E> {
    private final String name;
    private final SagaStep.Reply<E> trigger;
    private final BiConsumer<E, SagaContext> onStart;
    private final List<SagaStep<E>> steps;

    private SagaDefinition(String name, SagaStep.Reply<E> trigger, BiConsumer<E, SagaContext> onStart,
                           List<SagaStep<E>> steps) {
        this.name = name;
        this.trigger = trigger;
        this.onStart = onStart;
        this.steps = List.copyOf(steps);
    }

    /**
     * @param name a stable name; it keys the stored instances and the checkpoint
     * @param <E> the event base type
     * @return a builder
     */
    public static <E> Builder<E> builder(String name) {
        return new Builder<>(name);
    }

    /** @return the name */
    public String name() {
        return name;
    }

    SagaStep.Reply<E> trigger() {
        return trigger;
    }

    BiConsumer<E, SagaContext> onStart() {
        return onStart;
    }

    List<SagaStep<E>> steps() {
        return steps;
    }

    /**
     * A mutable builder.
     *
     * @param <E> the event base type
     */
    public static final class Builder<E> {
        private final String name;
        private SagaStep.Reply<E> trigger;
        private BiConsumer<E, SagaContext> onStart = (e, c) -> { };
        private final List<SagaStep<E>> steps = new ArrayList<>();

        Builder(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        /**
         * @param type the event that starts an instance
         * @param sagaId the instance id from that event
         * @param <T> the event type
         * @return this builder
         */
        public <T extends E> Builder<E> startedBy(Class<T> type, Function<? super T, String> sagaId) {
            return startedBy(type, sagaId, (e, c) -> { });
        }

        /**
         * @param type the event that starts an instance
         * @param sagaId the instance id from that event
         * @param init copies what later steps need from the event into the instance's data
         * @param <T> the event type
         * @return this builder
         */
        @SuppressWarnings("unchecked")
        public <T extends E> Builder<E> startedBy(Class<T> type, Function<? super T, String> sagaId,
                                                  BiConsumer<? super T, SagaContext> init) {
            this.trigger = new SagaStep.Reply<>(type, e -> sagaId.apply((T) e));
            this.onStart = (e, c) -> init.accept((T) e, c);
            return this;
        }

        /**
         * @param step the next step
         * @return this builder
         * @throws IllegalStateException if a step has the same name
         */
        public Builder<E> step(SagaStep<E> step) {
            Objects.requireNonNull(step, "step");
            steps.add(step);
            return this;
        }

        /**
         * @return the definition
         * @throws IllegalStateException if it has no trigger, no steps, or duplicate step names
         */
        public SagaDefinition<E> build() {
            if (trigger == null) {
                throw new IllegalStateException("saga '" + name + "' needs startedBy(...)");
            }
            if (steps.isEmpty()) {
                throw new IllegalStateException("saga '" + name + "' needs at least one step");
            }
            Set<String> names = new HashSet<>();
            for (SagaStep<E> s : steps) {
                if (!names.add(s.name())) {
                    throw new IllegalStateException("saga '" + name + "' has two steps named '" + s.name() + "'");
                }
            }
            return new SagaDefinition<>(name, trigger, onStart, steps);
        }
    }
}
