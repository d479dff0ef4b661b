package dev.allframe.http.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds a parameter to a request header (its first value). Required unless it has a default or the parameter is
 * an {@code Optional}; a missing or malformed value is a 400 naming the header.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.PARAMETER)
public @interface Header {
    /** @return the header's name, any case */
    String value();

    /** @return the value used when the header is absent; by default it is required */
    String defaultValue() default Params.REQUIRED;
}
