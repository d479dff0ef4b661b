package dev.allframe.inject;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A method of a {@link Factory @Factory} class that creates a component of its return type. Its parameters are
 * injected like constructor parameters ({@code @Named}, {@code Provider<T>}, {@link Env @Env}). The result is a
 * singleton: the method runs at most once per container, on first use. Put {@code @Named} on the method to
 * qualify the binding. An {@link AutoCloseable} result is closed with the container.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Provides {
}
