package dev.allframe.http.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds a parameter to a {@code {name}} segment of the route's template. Optional when the parameter's name
 * equals the segment's name.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.PARAMETER)
public @interface PathParam {
    /** @return the segment's name; empty for the parameter's name */
    String value() default "";
}
