package dev.allframe.inject;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds a constructor or {@link Provides @Provides} parameter to an environment variable:
 * {@code @Env("EVENT_TABLE") String table}, {@code @Env(value = "PORT", defaultValue = "8080") int port}.
 *
 * <p>Supported types: {@code String}, {@code int}/{@code Integer}, {@code long}/{@code Long},
 * {@code boolean}/{@code Boolean} ({@code true}/{@code false}, any case), {@code double}/{@code Double},
 * {@link java.time.Duration} (ISO-8601 {@code PT30S} or {@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h},
 * {@code 1d}) and enums (the constant's name), and {@code java.util.Optional<String>} for a variable that may be
 * unset. The container reads every variable when it is created and fails with one {@link ConfigurationException}
 * that names each missing or malformed variable, before any component is built.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.PARAMETER)
public @interface Env {
    /** Marks "no default": the variable is required. */
    String REQUIRED = "\u0000allframe:required";

    /** @return the variable's name */
    String value();

    /** @return the value used when the variable is unset or empty; by default the variable is required */
    String defaultValue() default REQUIRED;
}
