package dev.allframe.handler.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A saga: a {@code @Provides} method (in a {@code @Factory}) that creates the saga's definition; the container runs
 * it under this name, which must equal the definition's own name.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface SagaHandler {
    /** @return the saga's stable name, the key of its persisted state; unique in an application */
    String value();
}
