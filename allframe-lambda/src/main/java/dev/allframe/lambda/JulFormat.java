package dev.allframe.lambda;

import dev.allframe.internal.LogLevels;

import java.io.PrintStream;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The fallback of {@link LambdaLogFinder} under the managed runtime, where {@link System.Logger} is backed by
 * {@code java.util.logging}: log lines get the same level and request-id prefix. {@link AllFrameHandler} names
 * {@link Config} in {@code java.util.logging.config.class}, so nothing here is loaded until something logs.
 */
public final class JulFormat extends Formatter {
    private JulFormat() {
    }

    /**
     * Configures {@code java.util.logging} when the JDK first initialises it: one handler on standard error with this
     * formatter, at the {@code ALLFRAME_LOG} level. Instantiated by {@link LogManager}.
     *
     * <p>Set up in code rather than through {@code LogManager.readConfiguration(InputStream)} and a
     * {@code ConsoleHandler}: those parse properties, reset the manager and read handler settings by name, which
     * made the first log line of a cold start under the managed runtime several milliseconds slower.
     */
    public static final class Config {
        /** Reads nothing: the configuration is the constant above. */
        public Config() {
            Logger root = Logger.getLogger("");
            for (Handler h : root.getHandlers()) { // idempotent if LogManager.readConfiguration() runs again
                root.removeHandler(h);
            }
            root.setLevel(LogLevels.toJul(LambdaLogFinder.THRESHOLD));
            Handler err = new StandardError();
            err.setFormatter(new JulFormat());
            root.addHandler(err);
        }
    }

    /** Like {@code ConsoleHandler} (standard error, flushed per record), without its property lookups. */
    static final class StandardError extends Handler {
        @Override
        public void publish(LogRecord record) {
            if (!isLoggable(record)) {
                return;
            }
            String line;
            try {
                line = getFormatter().format(record);
            } catch (RuntimeException e) {
                reportError(null, e, java.util.logging.ErrorManager.FORMAT_FAILURE);
                return;
            }
            PrintStream err = System.err;
            err.print(line);
            err.flush();
        }

        @Override
        public void flush() {
            System.err.flush();
        }

        @Override
        public void close() {
            flush();
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
}
