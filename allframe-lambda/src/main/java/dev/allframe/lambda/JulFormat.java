package dev.allframe.lambda;

import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The fallback of {@link LambdaLogFinder} under the managed runtime, where {@link System.Logger} is backed by
 * {@code java.util.logging}: the root handlers get a formatter that prefixes the request id. Only loaded there.
 */
final class JulFormat extends Formatter {
    private JulFormat() {
    }

    static void install() {
        Logger root = Logger.getLogger("");
        root.setLevel(toJul(LambdaLogFinder.THRESHOLD));
        JulFormat format = new JulFormat();
        for (Handler h : root.getHandlers()) {
            h.setFormatter(format);
            h.setLevel(Level.ALL);
        }
    }

    @Override
    public String format(LogRecord r) {
        return LambdaLogFinder.format(levelName(r.getLevel()), r.getLoggerName(), formatMessage(r), r.getThrown())
                + System.lineSeparator();
    }

    private static String levelName(Level level) {
        int v = level.intValue();
        if (v >= Level.SEVERE.intValue()) {
            return "ERROR";
        }
        if (v >= Level.WARNING.intValue()) {
            return "WARNING";
        }
        if (v >= Level.INFO.intValue()) {
            return "INFO";
        }
        return v >= Level.FINE.intValue() ? "DEBUG" : "TRACE";
    }

    private static Level toJul(System.Logger.Level level) {
        return switch (level) {
            case OFF -> Level.OFF;
            case ERROR -> Level.SEVERE;
            case WARNING -> Level.WARNING;
            case INFO -> Level.INFO;
            case DEBUG -> Level.FINE;
            case TRACE, ALL -> Level.ALL;
        };
    }
}
