package dev.allframe.inject;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A class whose {@link Provides @Provides} methods create components the application cannot annotate, such as
 * third-party clients. The factory itself is a singleton component: its constructor may inject other components
 * and {@link Env @Env} values.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Factory {
}
