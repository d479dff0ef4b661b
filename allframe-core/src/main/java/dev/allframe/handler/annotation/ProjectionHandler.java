package dev.allframe.handler.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A projection: a component class that folds stored events into a read model, checkpointed under its name.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface ProjectionHandler {
    /** @return the projection's stable name, its checkpoint key; unique in an application */
    String value();

    /**
     * @return whether the read model lives in memory; then its checkpoint does too, so every start rebuilds it from
     *         the events, instead of living in the application's {@code Stores.checkpoints()}. Default false.
     */
    boolean inMemory() default false;
}
