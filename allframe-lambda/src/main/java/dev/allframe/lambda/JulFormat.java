package dev.allframe.lambda;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
     * Configures {@code java.util.logging} when the JDK first initialises it: one console handler on standard
     * error with this formatter, at the {@code ALLFRAME_LOG} level. Instantiated by {@link LogManager}.
     */
    public static final class Config {
        /**
         * Reads the configuration.
         *
         * @throws IOException never in practice: the configuration is in memory
         */
        public Config() throws IOException {
            String properties = "handlers=java.util.logging.ConsoleHandler\n"
                    + ".level=" + toJul(LambdaLogFinder.THRESHOLD).getName() + "\n"
                    + "java.util.logging.ConsoleHandler.level=ALL\n";
            LogManager.getLogManager().readConfiguration(
                    new ByteArrayInputStream(properties.getBytes(StandardCharsets.ISO_8859_1)));
            JulFormat format = new JulFormat();
            for (Handler h : Logger.getLogger("").getHandlers()) {
                h.setFormatter(format);
            }
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
