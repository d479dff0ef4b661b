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
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface HandleCommand {
}
