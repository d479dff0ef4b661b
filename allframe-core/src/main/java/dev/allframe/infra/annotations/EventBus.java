package dev.allframe.infra.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Declares an event bus: an EventBridge bus on AWS, a Pub/Sub topic on GCP. */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
@Repeatable(EventBus.List.class)
public @interface EventBus {
    /** @return the logical name: lower-case letters, digits and hyphens, starting with a letter */
    String name();

    /** @return {@code auto} (EventBridge on AWS, Pub/Sub on GCP), {@code eventbridge} or {@code pubsub} */
    String provider() default "auto";

    /** Container of repeated {@link EventBus}es. */
    @Documented
    @Retention(RetentionPolicy.CLASS)
    @Target(ElementType.TYPE)
    @interface List {
        /** @return the declarations */
        EventBus[] value();
    }
}
