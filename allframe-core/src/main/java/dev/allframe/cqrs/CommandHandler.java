package dev.allframe.cqrs;

import java.util.List;

/**
 * A stateless command handler: its events are appended to the command's stream whatever the stream's version.
 * Use a {@link Decider} when rules depend on past events.
 *
 * @param <C> the command type
 * @param <E> the event type
 */
@FunctionalInterface
public interface CommandHandler<C extends Command, E extends Event> {
    /**
     * @param command the command
     * @return the events it produces
     * @throws CommandException if the command is rejected
     */
    List<E> handle(C command) throws CommandException;
}
