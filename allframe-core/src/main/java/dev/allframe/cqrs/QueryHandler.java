package dev.allframe.cqrs;

/**
 * Answers one query type from a read model.
 *
 * @param <Q> the query type
 * @param <R> the answer type
 */
@FunctionalInterface
public interface QueryHandler<Q extends Query<R>, R> {
    /**
     * @param query the query
     * @return the answer
     */
    R handle(Q query);
}
