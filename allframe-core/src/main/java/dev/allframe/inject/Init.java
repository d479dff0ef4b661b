package dev.allframe.inject;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An initialisation hook: a non-private, non-static, parameterless method of a component that the container calls
 * once, right after the constructor and before any other component sees the instance. If it throws, an
 * {@link AutoCloseable} component is closed, nothing is cached, and the exception (a checked one wrapped in an
 * {@link IllegalStateException}) reaches the caller of the getter; a later call tries again.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Init {
}
