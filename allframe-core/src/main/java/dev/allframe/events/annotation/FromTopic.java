package dev.allframe.events.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * This command arrives as SNS notifications from a topic the function subscribes to: the notification's
 * {@code Message} is the command's JSON, selected like {@link FromQueue} (a message attribute, a body field, or the
 * topic's only command). Equivalent to {@code EventRoutes.builder().sns(topic, name, ThisCommand.class)}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface FromTopic {
    /** @return the topic's name (the last part of its ARN) */
    String topic();

    /** @return the value of the selecting attribute or field; empty means the command's simple class name */
    String name() default "";
}
