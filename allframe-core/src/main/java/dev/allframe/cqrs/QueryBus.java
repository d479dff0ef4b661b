package dev.allframe.cqrs;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Routes each query to the one handler of its type. Thread-safe once built.
 *
 * <pre>{@code
 * QueryBus queries = QueryBus.builder().register(GetOrder.class, q -> summaries.get(q.orderId())).build();
 * Optional<OrderSummary> s = queries.ask(new GetOrder("o-1"));
 * }</pre>
 */
public final class QueryBus {
    private final Map<Class<?>, QueryHandler<?, ?>> handlers;

    private QueryBus(Map<Class<?>, QueryHandler<?, ?>> handlers) {
        this.handlers = Map.copyOf(handlers);
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @param query the query
     * @param <R> the answer type
     * @return the answer
     * @throws IllegalArgumentException if no handler is registered for the query's class
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <R> R ask(Query<R> query) {
        Objects.requireNonNull(query, "query");
        QueryHandler handler = handlers.get(query.getClass());
        if (handler == null) {
            throw new IllegalArgumentException("No handler registered for query " + query.getClass().getName());
        }
        return (R) handler.handle(query);
    }

    /** A mutable, not thread-safe builder; a second handler for a query class fails at once naming both. */
    public static final class Builder {
        private final Map<Class<?>, QueryHandler<?, ?>> handlers = new HashMap<>();

        Builder() {
        }

        /**
         * @param type the query class
         * @param handler its handler
         * @param <Q> the query type
         * @param <R> the answer type
         * @return this builder
         * @throws IllegalStateException if the class already has a handler
         */
        public <Q extends Query<R>, R> Builder register(Class<Q> type, QueryHandler<Q, R> handler) {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(handler, "handler");
            QueryHandler<?, ?> previous = handlers.putIfAbsent(type, handler);
            if (previous != null) {
                throw new IllegalStateException("Duplicate handler for query " + type.getName() + ": "
                        + previous.getClass().getName() + " is registered, " + handler.getClass().getName()
                        + " cannot be added");
            }
            return this;
        }

        /** @return the bus */
        public QueryBus build() {
            return new QueryBus(handlers);
        }
    }
}
