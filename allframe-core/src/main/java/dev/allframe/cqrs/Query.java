package dev.allframe.cqrs;

/**
 * A question for a read model, answered by the {@link QueryBus}.
 *
 * @param <R> the answer's type
 */
public interface Query<R> {
}
