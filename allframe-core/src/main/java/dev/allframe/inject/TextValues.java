package dev.allframe.inject;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * The text grammar of values read from the outside: {@link Env @Env} variables (through {@link EnvReader}) and route
 * parameters (through the generated routes' {@code dev.allframe.http.annotation.Params}). The annotation processor
 * checks default values with these same methods, so a default accepted at compile time is one the run time accepts.
 * Dependency-free, so it can run inside the compiler.
 */
public final class TextValues {
    /** What an {@code int} or {@code long} looks like, for messages. */
    public static final String AN_INTEGER = "an integer";
    /** What a {@code double} looks like, for messages. */
    public static final String A_NUMBER = "a number";
    /** What a {@code boolean} looks like, for messages. */
    public static final String TRUE_OR_FALSE = "true or false";
    /** What a {@link Duration} looks like, for messages. */
    public static final String A_DURATION = "a duration such as PT30S, 500ms, 30s, 5m, 2h or 1d";
    /** What a {@link java.util.UUID} looks like, for messages. */
    public static final String A_UUID = "a UUID";

    private TextValues() {
    }

    /**
     * Parses {@code true} or {@code false}, in any case. Unlike {@link Boolean#parseBoolean}, anything else is an
     * error rather than {@code false}, so a typo is reported instead of switching a feature off.
     *
     * @param text the text, already trimmed where the source trims
     * @return the value
     * @throws IllegalArgumentException if the text is neither
     */
    public static boolean parseBoolean(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(text);
        };
    }

    /**
     * Parses a duration: ISO-8601 ({@code PT30S}) or a whole number with a unit ({@code ms}, {@code s}, {@code m},
     * {@code h}, {@code d}). Surrounding blanks are ignored.
     *
     * @param text the text
     * @return the duration
     * @throws IllegalArgumentException if the text is neither
     */
    public static Duration parseDuration(String text) {
        String t = text.trim();
        if (t.length() > 1 && (t.charAt(0) == 'P' || t.charAt(0) == 'p')) {
            try {
                return Duration.parse(t);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(text, e);
            }
        }
        int unitAt = 0;
        while (unitAt < t.length() && Character.isDigit(t.charAt(unitAt))) {
            unitAt++;
        }
        if (unitAt == 0) {
            throw new IllegalArgumentException(text);
        }
        long amount = Long.parseLong(t.substring(0, unitAt));
        return switch (t.substring(unitAt).trim().toLowerCase(Locale.ROOT)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            case "d" -> Duration.ofDays(amount);
            default -> throw new IllegalArgumentException(text);
        };
    }
}
