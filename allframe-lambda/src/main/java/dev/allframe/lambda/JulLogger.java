package dev.allframe.lambda;

import java.util.ResourceBundle;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * A {@link System.Logger} over {@code java.util.logging}, what the JDK would give without {@link LambdaLogFinder}:
 * used when the same application runs as a server that logs through JUL (Cloud Run's JSON logs, switched on by
 * {@code K_SERVICE} or {@code ALLFRAME_LOG_FORMAT=json}), so having this module on the class path does not take
 * those logs away.
 */
record JulLogger(String name) implements System.Logger {
    static boolean wanted(java.util.Map<String, String> env) {
        String format = env.get("ALLFRAME_LOG_FORMAT");
        if (format != null && !format.isBlank()) {
            return format.trim().equalsIgnoreCase("json");
        }
        String service = env.get("K_SERVICE");
        return service != null && !service.isBlank();
    }

    @Override
    public String getName() {
        return name;
    }

    // Inside a System.Logger, "Level" names System.Logger.Level: the JUL levels are spelled out.
    private static java.util.logging.Level jul(System.Logger.Level level) {
        return switch (level) {
            case ALL -> java.util.logging.Level.ALL;
            case TRACE -> java.util.logging.Level.FINER;
            case DEBUG -> java.util.logging.Level.FINE;
            case INFO -> java.util.logging.Level.INFO;
            case WARNING -> java.util.logging.Level.WARNING;
            case ERROR -> java.util.logging.Level.SEVERE;
            case OFF -> java.util.logging.Level.OFF;
        };
    }

    @Override
    public boolean isLoggable(System.Logger.Level level) {
        return Logger.getLogger(name).isLoggable(jul(level));
    }

    @Override
    public void log(System.Logger.Level level, ResourceBundle bundle, String msg, Throwable thrown) {
        publish(level, bundle, msg, thrown, null);
    }

    @Override
    public void log(System.Logger.Level level, ResourceBundle bundle, String format, Object... params) {
        publish(level, bundle, format, null, params);
    }

    private void publish(System.Logger.Level level, ResourceBundle bundle, String msg, Throwable thrown,
                         Object[] params) {
        Logger logger = Logger.getLogger(name);
        java.util.logging.Level l = jul(level);
        if (!logger.isLoggable(l)) {
            return;
        }
        LogRecord record = new LogRecord(l, msg);
        record.setLoggerName(name);
        record.setResourceBundle(bundle);
        record.setThrown(thrown);
        if (params != null && params.length > 0) {
            record.setParameters(params);
        }
        logger.log(record);
    }
}
