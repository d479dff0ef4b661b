package dev.allframe.http.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A PUT route on a controller method; the processor registers it on {@code Router.Builder}. See the package
 * documentation for parameter binding and return values.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Put {
    /** @return the path template, for example {@code /orders/{id}} */
    String value();
}
