package dev.allframe.infra.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Declares a message queue: SQS (with a dead-letter queue and redrive) on AWS, a Pub/Sub topic on GCP. */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
@Repeatable(Queue.List.class)
public @interface Queue {
    /** @return the logical name: lower-case letters, digits and hyphens, starting with a letter */
    String name();

    /** @return {@code auto} (SQS on AWS, Pub/Sub on GCP), {@code sqs} or {@code pubsub} */
    String provider() default "auto";

    /** @return visibility timeout in seconds, 0..43200, at least the timeout of any function consuming it */
    int visibilityTimeout() default 60;

    /** @return whether failed messages go to a dead-letter queue; default true */
    boolean dlq() default true;

    /** @return receives before a message moves to the dead-letter queue, at least 1; default 5 */
    int dlqMaxReceives() default 5;

    /** @return whether the queue is FIFO; default false */
    boolean fifo() default false;

    /** Container of repeated {@link Queue}s. */
    @Documented
    @Retention(RetentionPolicy.CLASS)
    @Target(ElementType.TYPE)
    @interface List {
        /** @return the declarations */
        Queue[] value();
    }
}
