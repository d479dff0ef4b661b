package dev.allframe.http.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds a parameter to a query parameter (its first value). Required unless it has a default or the parameter is
 * an {@code Optional}; a missing or malformed value is a 400 naming the parameter.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.PARAMETER)
public @interface QueryParam {
    /** @return the query parameter's name; empty for the method parameter's name */
    String value() default "";

    /** @return the value used when the parameter is absent; by default it is required */
    String defaultValue() default Params.REQUIRED;
}
