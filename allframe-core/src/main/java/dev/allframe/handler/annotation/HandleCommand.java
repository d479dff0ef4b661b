package dev.allframe.handler.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A command handler. On a method: a non-private, non-static method of a component with exactly one parameter, the
 * command it handles, returning the events it decides. On a class: a component implementing
 * {@code dev.allframe.cqrs.Decider<C, S, E>} (an aggregate) or {@code dev.allframe.cqrs.CommandHandler<C, E>},
 * registered for its command type {@code C}. One handler per command type in an application.
 *
 * <p>The generated container's {@code registerCommands(builder)} registers every handler; a component that builds
 * the command bus injects {@code dev.allframe.cqrs.CommandRegistrations<E>} to call it.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface HandleCommand {
    /**
     * Snapshots a {@code Decider}'s state whenever an append crosses a multiple of this many events
     * ({@code dev.allframe.snapshot.SnapshotPolicy.everyNEvents(n)}), so a long stream loads from its latest snapshot.
     * The state type must be a class without type arguments (the snapshot codec reads it back as that class), and the
     * command bus needs a {@code snapshotStore(...)}. Only on a {@code Decider} class: a {@code CommandHandler} or a
     * handler method has no state to snapshot.
     *
     * @return the interval in events, at least 1; 0 (the default) takes no snapshots
     */
    int snapshotEvery() default 0;

    /**
     * @return how many attempts a command gets when a concurrent writer wins the race for its stream (each on fresh
     *         state, with jittered backoff: {@code RetryPolicy.attempts(n)}); 0 (the default) for none. The generated
     *         container's command bus is one bus, so it retries with the largest value any handler declares.
     */
    int retryOnConflict() default 0;
}
