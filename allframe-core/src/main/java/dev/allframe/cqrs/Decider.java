package dev.allframe.cqrs;

import java.util.List;

/**
 * An aggregate as three pure functions: given past events (folded by {@link #evolve} from
 * {@link #initialState}), when a command arrives, {@link #decide} returns the new events. Trivially testable
 * without any store.
 *
 * @param <C> the command type
 * @param <S> the state type
 * @param <E> the event type
 */
public interface Decider<C extends Command, S, E extends Event> {
    /** @return the state of a stream with no events */
    S initialState();

    /**
     * Applies the business rules.
     *
     * @param command the command
     * @param state the current state
     * @return the events the command produces; empty when it changes nothing
     * @throws CommandException if a rule rejects the command (answered 409 or 422 over HTTP)
     */
    List<E> decide(C command, S state) throws CommandException;

    /**
     * @param state the state before the event
     * @param event an event of this stream
     * @return the state after it
     */
    S evolve(S state, E event);
}
