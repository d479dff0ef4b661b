package dev.allframe.events.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * This command arrives as SQS messages on a queue: the message body is the command's JSON. A message selects the
 * command by its {@code command-type} message attribute (the name is configurable in the routing table), or by
 * a {@code type} field of its body; a queue with a single command needs neither. Equivalent to
 * {@code EventRoutes.builder().sqs(queue, name, ThisCommand.class)}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface FromQueue {
    /** @return the queue's name (the last part of its ARN; FIFO queues end in {@code .fifo}) */
    String queue();

    /** @return the value of the selecting attribute or field; empty means the command's simple class name */
    String name() default "";
}
