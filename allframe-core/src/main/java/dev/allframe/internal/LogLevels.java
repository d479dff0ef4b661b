package dev.allframe.internal;

import java.util.Locale;

/**
 * The one reading of {@code ALLFRAME_LOG}, the log level of every AllFrame process (server, Cloud Run, Lambda):
 * {@code off}, {@code error}, {@code warn}, {@code info} (the default), {@code debug} or {@code trace}, in any case;
 * {@code none}, {@code warning} and {@code all} are accepted as aliases. Not API: for AllFrame's own modules.
 */
public final class LogLevels {
    /** The environment variable that sets the level. */
    public static final String VARIABLE = "ALLFRAME_LOG";

    private LogLevels() {
    }

    /**
     * @param setting the variable's value, or {@code null} when it is not set
     * @return the level; {@link System.Logger.Level#INFO} when unset or blank
     * @throws IllegalArgumentException naming the variable and the allowed values if the value is none of them
     */
    public static System.Logger.Level parse(String setting) {
        if (setting == null || setting.isBlank()) {
            return System.Logger.Level.INFO;
        }
        return switch (setting.trim().toLowerCase(Locale.ROOT)) {
            case "off", "none" -> System.Logger.Level.OFF;
            case "error" -> System.Logger.Level.ERROR;
            case "warn", "warning" -> System.Logger.Level.WARNING;
            case "info" -> System.Logger.Level.INFO;
            case "debug" -> System.Logger.Level.DEBUG;
            case "trace", "all" -> System.Logger.Level.TRACE;
            default -> throw new IllegalArgumentException(VARIABLE
                    + " (expected off, error, warn, info, debug or trace): '" + setting + "'");
        };
    }

    /**
     * @param level a level as {@link #parse} returns it
     * @return the {@code java.util.logging} level that lets the same records through
     */
    public static java.util.logging.Level toJul(System.Logger.Level level) {
        return switch (level) {
            case OFF -> java.util.logging.Level.OFF;
            case ERROR -> java.util.logging.Level.SEVERE;
            case WARNING -> java.util.logging.Level.WARNING;
            case INFO -> java.util.logging.Level.INFO;
            case DEBUG -> java.util.logging.Level.FINE;
            case TRACE, ALL -> java.util.logging.Level.ALL;
        };
    }
}
