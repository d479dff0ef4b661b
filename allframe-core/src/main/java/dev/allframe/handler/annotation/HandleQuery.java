package dev.allframe.handler.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A query handler: a non-private, non-static method of a component with exactly one parameter, the query it
 * answers, returning the result. One handler per query type in an application.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface HandleQuery {
}
