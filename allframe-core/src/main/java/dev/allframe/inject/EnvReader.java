package dev.allframe.inject;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads and converts {@link Env @Env} values for a generated container. Every read records its problem instead of
 * throwing, so {@link #check()} reports all missing and malformed variables at once. Not thread-safe; used once,
 * while the container is created.
 */
public final class EnvReader {
    private final Environment environment;
    private final List<String> problems = new ArrayList<>();

    private EnvReader(Environment environment) {
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    /**
     * @param environment where values come from
     * @return a reader
     */
    public static EnvReader of(Environment environment) {
        return new EnvReader(environment);
    }

    /**
     * @param name the variable
     * @param defaultValue the value when unset or empty, or {@link Env#REQUIRED}
     * @return the value; {@code null} (and a recorded problem) if it is required and missing
     */
    public String string(String name, String defaultValue) {
        String raw = environment.get(name);
        if (raw == null || raw.isEmpty()) {
            if (Env.REQUIRED.equals(defaultValue)) {
                problems.add("environment variable " + name + " is required but not set");
                return null;
            }
            return defaultValue;
        }
        return raw;
    }

    /**
     * @param name the variable
     * @return its value, or empty if unset or empty
     */
    public Optional<String> optional(String name) {
        String raw = environment.get(name);
        return raw == null || raw.isEmpty() ? Optional.empty() : Optional.of(raw);
    }

    /**
     * Reads and converts a value.
     *
     * @param name the variable
     * @param defaultValue the value when unset or empty, or {@link Env#REQUIRED}
     * @param converter text to value; throws on malformed text
     * @param expected what a valid value looks like, for the message ("an integer")
     * @param fallback the value returned when there is a problem (never used: {@link #check()} throws)
     * @param <T> the value type
     * @return the converted value, or {@code fallback} with a recorded problem
     */
    public <T> T value(String name, String defaultValue, Function<String, T> converter, String expected, T fallback) {
        String text = string(name, defaultValue);
        if (text == null) {
            return fallback;
        }
        try {
            return converter.apply(text.trim());
        } catch (RuntimeException e) {
            problems.add("environment variable " + name + " must be " + expected + ", got '" + text + "'");
            return fallback;
        }
    }

    /**
     * @param name the variable
     * @param defaultValue the value when unset, or {@link Env#REQUIRED}
     * @return the value as an {@code int}
     */
    public int intValue(String name, String defaultValue) {
        String text = string(name, defaultValue);
        if (text == null) {
            return 0;
        }
        try {
            return Integer.parseInt(text.trim()); // no method reference: start-up pays for every lambda
        } catch (NumberFormatException e) {
            problems.add("environment variable " + name + " must be " + TextValues.AN_INTEGER + ", got '" + text
                    + "'");
            return 0;
        }
    }

    /**
     * @param name the variable
     * @param defaultValue the value when unset, or {@link Env#REQUIRED}
     * @return the value as a {@code long}
     */
    public long longValue(String name, String defaultValue) {
        return value(name, defaultValue, Long::valueOf, TextValues.AN_INTEGER, 0L);
    }

    /**
     * @param name the variable
     * @param defaultValue the value when unset, or {@link Env#REQUIRED}
     * @return the value as a {@code double}
     */
    public double doubleValue(String name, String defaultValue) {
        return value(name, defaultValue, Double::valueOf, TextValues.A_NUMBER, 0.0);
    }

    /**
     * @param name the variable
     * @param defaultValue the value when unset, or {@link Env#REQUIRED}
     * @return the value as a {@code boolean}
     */
    public boolean booleanValue(String name, String defaultValue) {
        return value(name, defaultValue, TextValues::parseBoolean, TextValues.TRUE_OR_FALSE, false);
    }

    /**
     * @param name the variable
     * @param defaultValue the value when unset, or {@link Env#REQUIRED}
     * @return the value as a {@link Duration}
     */
    public Duration duration(String name, String defaultValue) {
        return value(name, defaultValue, TextValues::parseDuration, TextValues.A_DURATION, Duration.ZERO);
    }

    /**
     * Throws if any read had a problem.
     *
     * @throws ConfigurationException naming every missing or malformed variable
     */
    public void check() {
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
    }

    /**
     * Parses a duration: ISO-8601 ({@code PT30S}) or a number with a unit ({@code ms}, {@code s}, {@code m},
     * {@code h}, {@code d}); the grammar is {@link TextValues#parseDuration}.
     *
     * @param text the text
     * @return the duration
     * @throws IllegalArgumentException if the text is neither
     */
    public static Duration parseDuration(String text) {
        return TextValues.parseDuration(text);
    }
}
