package dev.allframe.infra.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An event source for the deployable declared on the same type. Exactly one of {@link #queue()}, {@link #bus()}
 * and {@link #stream()} is set:
 * <ul>
 *   <li>{@code queue}: messages of that queue (SQS event source mapping with {@code ReportBatchItemFailures});</li>
 *   <li>{@code bus}: events of that bus whose {@code detail-type} is one of {@link #detailTypes()} (an
 *       EventBridge rule, target and invoke permission);</li>
 *   <li>{@code stream}: the change stream of that event store (projections; bisect on error, failures to a
 *       generated queue).</li>
 * </ul>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
@Repeatable(Subscribes.List.class)
public @interface Subscribes {
    /** @return the queue's logical name, or empty */
    String queue() default "";

    /** @return the bus's logical name, or empty */
    String bus() default "";

    /** @return the event store's logical name, or empty */
    String stream() default "";

    /** @return for a bus: the {@code detail-type}s to route here, at least one (usually the command names) */
    String[] detailTypes() default {};

    /** @return records per invocation, 1..10000 (1..10 for a FIFO queue); default 10 */
    int batchSize() default 10;

    /** @return for a stream: retries of a failing batch before it goes to the failure queue, 0..10000; default 3 */
    int maxRetries() default 3;

    /** Container of repeated {@link Subscribes}. */
    @Documented
    @Retention(RetentionPolicy.CLASS)
    @Target(ElementType.TYPE)
    @interface List {
        /** @return the subscriptions */
        Subscribes[] value();
    }
}
