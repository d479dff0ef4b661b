package dev.allframe.inject;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the application: the processor generates its container, {@code <SimpleName>Container} in the same package
 * (for {@code com.acme.OrdersApp}, {@code com.acme.OrdersAppContainer}), wiring every component of the
 * compilation. Exactly one class per compilation carries it.
 *
 * <p>Start the application with {@code OrdersAppContainer.create()} (no reflection at all), or let a door find it
 * with {@link Container#load()}, which reads the one {@code META-INF/services} entry the processor writes.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface AllFrameApplication {
    /** @return the simple name of the generated container; empty for {@code <SimpleName>Container} */
    String container() default "";
}
