package dev.allframe.http.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds a parameter to the JSON request body, decoded with the default {@code JsonCodec} (a record with an Avaje
 * {@code @Json} adapter, typically). Optional: one parameter that is neither a {@code Request}, a path parameter
 * nor annotated is the body. A non-JSON content type is a 415; an empty or malformed body is a 400.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.PARAMETER)
public @interface Body {
}
