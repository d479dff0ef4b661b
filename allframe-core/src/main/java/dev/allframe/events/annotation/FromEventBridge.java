package dev.allframe.events.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * This command is dispatched when an EventBridge event with this {@code detail-type} (and, if given, this
 * {@code source}) reaches the function; the event's {@code detail} object is decoded as the command.
 * Equivalent to {@code EventRoutes.builder().eventBridge(source, detailType, ThisCommand.class)}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface FromEventBridge {
    /** @return the event's {@code detail-type}, for example {@code "OrderPlaced"} */
    String detailType();

    /** @return the event's {@code source}, for example {@code "com.example.shop"}; empty matches any source */
    String source() default "";
}
