package dev.allframe.http.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The status of a route's successful response when it returns a value (default 200) or nothing (default 204),
 * for example {@code @ResponseStatus(201)} on a create. Ignored when the method returns a {@code Response}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface ResponseStatus {
    /** @return the status code, 100..599 */
    int value();
}
