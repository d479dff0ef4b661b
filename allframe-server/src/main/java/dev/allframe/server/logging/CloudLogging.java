package dev.allframe.server.logging;

import dev.allframe.internal.LogLevels;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Switches {@code java.util.logging} (and so {@code System.Logger}) to Cloud Logging's structured JSON on standard
 * output.
 *
 * <p>{@link #installFromEnvironment(Map)} does it when {@code K_SERVICE} is set (Cloud Run sets it) or
 * {@code ALLFRAME_LOG_FORMAT=json}; {@code ALLFRAME_LOG_FORMAT=text} keeps the JDK's plain format even on Cloud Run.
 * The project of trace names comes from {@code GOOGLE_CLOUD_PROJECT} (else {@code GCLOUD_PROJECT},
 * {@code GCP_PROJECT} or {@code CLOUDSDK_CORE_PROJECT}); labels from {@code K_SERVICE}, {@code K_REVISION} and
 * {@code K_CONFIGURATION}; the level from {@code ALLFRAME_LOG} ({@code off|error|warn|info|debug|trace}, as on Lambda; default
 * {@code info}).
 */
public final class CloudLogging {
    /** Environment variable that chooses the log format: {@code json} or {@code text}. */
    public static final String FORMAT_VARIABLE = "ALLFRAME_LOG_FORMAT";
    /** Environment variable that chooses the level. */
    public static final String LEVEL_VARIABLE = LogLevels.VARIABLE;

    private static final String[] PROJECT_VARIABLES =
            {"GOOGLE_CLOUD_PROJECT", "GCLOUD_PROJECT", "GCP_PROJECT", "CLOUDSDK_CORE_PROJECT"};

    private CloudLogging() {
    }

    /**
     * @param environment the environment
     * @return whether the environment asks for JSON logs
     * @throws IllegalArgumentException if {@code ALLFRAME_LOG_FORMAT} is neither {@code json} nor {@code text}
     */
    public static boolean requested(Map<String, String> environment) {
        String format = environment.get(FORMAT_VARIABLE);
        if (format != null && !format.isBlank()) {
            return switch (format.trim().toLowerCase(Locale.ROOT)) {
                case "json" -> true;
                case "text" -> false;
                default -> throw new IllegalArgumentException(
                        FORMAT_VARIABLE + " (expected json or text): '" + format + "'");
            };
        }
        String service = environment.get("K_SERVICE");
        return service != null && !service.isBlank();
    }

    /**
     * Installs the JSON handler on the root logger when {@link #requested(Map) requested}, replacing its other
     * handlers (the JDK's console handler writes plain text to standard error). Idempotent. In plain-text mode a set
     * {@code ALLFRAME_LOG} still sets the level of the root logger and its handlers.
     *
     * @param environment the environment, usually {@code System.getenv()}
     * @return whether JSON logging is now on
     * @throws IllegalArgumentException if {@code ALLFRAME_LOG_FORMAT} or {@code ALLFRAME_LOG} has a bad value
     */
    public static synchronized boolean installFromEnvironment(Map<String, String> environment) {
        Objects.requireNonNull(environment, "environment");
        String levelValue = environment.get(LEVEL_VARIABLE);
        if (!requested(environment)) {
            if (levelValue != null && !levelValue.isBlank()) {
                applyLevel(level(levelValue)); // plain text, but the level the user asked for
            }
            return false; // otherwise touches no java.util.logging class: start-up stays as it was
        }
        Level level = level(levelValue);
        Logger root = LogManager.getLogManager().getLogger("");
        for (Handler h : root.getHandlers()) {
            if (h instanceof StdoutJsonHandler) {
                return true;
            }
        }
        for (Handler h : root.getHandlers()) {
            root.removeHandler(h);
        }
        Map<String, String> labels = new LinkedHashMap<>();
        put(labels, "service", environment.get("K_SERVICE"));
        put(labels, "revision", environment.get("K_REVISION"));
        put(labels, "configuration", environment.get("K_CONFIGURATION"));
        StdoutJsonHandler handler = new StdoutJsonHandler(System.out,
                new CloudLoggingFormatter(project(environment), labels));
        handler.setLevel(level);
        root.setLevel(level);
        root.addHandler(handler);
        return true;
    }

    /** The JDK's console handler is at INFO by default: lowering only the logger would drop DEBUG lines. */
    private static void applyLevel(Level level) {
        Logger root = LogManager.getLogManager().getLogger("");
        root.setLevel(level);
        for (Handler h : root.getHandlers()) {
            h.setLevel(level);
        }
    }

    /**
     * @param environment the environment
     * @return the project traces belong to, or {@code null} when no variable names one
     */
    public static String project(Map<String, String> environment) {
        for (String name : PROJECT_VARIABLES) {
            String v = environment.get(name);
            if (v != null && !v.isBlank()) {
                return v.trim();
            }
        }
        return null;
    }

    /**
     * @param value the value of {@code ALLFRAME_LOG}, or {@code null}
     * @return the {@code java.util.logging} level it names (the one parser every module shares)
     */
    static Level level(String value) {
        return LogLevels.toJul(LogLevels.parse(value));
    }

    private static void put(Map<String, String> labels, String key, String value) {
        if (value != null && !value.isBlank()) {
            labels.put(key, value);
        }
    }

    /** Writes each record as one line and flushes at once: a container may be stopped at any moment. */
    static final class StdoutJsonHandler extends Handler {
        private final PrintStream out;

        StdoutJsonHandler(PrintStream out, CloudLoggingFormatter formatter) {
            this.out = out;
            setFormatter(formatter);
        }

        @Override
        public void publish(LogRecord record) {
            if (!isLoggable(record)) {
                return;
            }
            String line;
            try {
                line = getFormatter().format(record);
            } catch (RuntimeException e) {
                reportError("cannot format a log record", e, java.util.logging.ErrorManager.FORMAT_FAILURE);
                return;
            }
            synchronized (out) {
                out.print(line);
                out.flush();
            }
        }

        @Override
        public void flush() {
            out.flush();
        }

        @Override
        public void close() {
            out.flush();
        }
    }
}
