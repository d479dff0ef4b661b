package dev.allframe.handler.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A saga: a component class, or a {@code @Provides} method creating the saga's definition, run under its name.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface SagaHandler {
    /** @return the saga's stable name, the key of its persisted state; unique in an application */
    String value();
}
