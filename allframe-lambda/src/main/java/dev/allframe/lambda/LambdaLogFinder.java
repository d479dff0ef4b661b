package dev.allframe.lambda;

import dev.allframe.internal.LogLevels;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.function.Supplier;

/**
 * Routes {@link System.Logger} to standard error, one write per record, each line starting with the level and
 * the Lambda request id of the invocation in progress ({@code -} outside one), so CloudWatch can be searched by
 * request id. The level comes from {@code ALLFRAME_LOG} ({@code off}, {@code error}, {@code warn}, {@code info}
 * (default), {@code debug}, {@code trace}). Only under Lambda: in any other process (a local server, Cloud Run) the
 * loggers are plain {@code java.util.logging} ones, as without this module.
 *
 * <p>The JDK finds this class through {@code META-INF/services} when the Lambda module is on the system class
 * path (custom runtime, tests, local runs). Under the managed runtime the function's jars are loaded by the
 * runtime's own class loader, invisible to that lookup; {@link AllFrameHandler} then has
 * {@code java.util.logging}, which backs {@link System.Logger} there, format lines the same way
 * ({@link JulFormat}).
 */
public final class LambdaLogFinder extends System.LoggerFinder {
    static final System.Logger.Level THRESHOLD = threshold(System.getenv(LogLevels.VARIABLE));

    /** Created by the JDK's service lookup. */
    public LambdaLogFinder() {
    }

    @Override
    public System.Logger getLogger(String name, Module module) {
        return LAMBDA_LINES ? new PrefixLogger(name) : new JulLogger(name);
    }

    private static final boolean LAMBDA_LINES = lambdaLines(System.getenv());

    /**
     * The same jar also runs as a local server or on Cloud Run, where a request-id prefix means nothing and the
     * server's own {@code java.util.logging} setup (plain text, or Cloud Run's JSON) must keep the logs.
     *
     * @param env the process environment
     * @return whether this process runs under Lambda ({@code AWS_LAMBDA_RUNTIME_API} or
     *         {@code AWS_LAMBDA_FUNCTION_NAME} set) and no JSON logs were asked for
     */
    static boolean lambdaLines(java.util.Map<String, String> env) {
        return !JulLogger.wanted(env)
                && (present(env.get("AWS_LAMBDA_RUNTIME_API")) || present(env.get("AWS_LAMBDA_FUNCTION_NAME")));
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    /**
     * A logger finder cannot refuse to start, so a bad value is reported on standard error and read as the default.
     *
     * @param setting the value of {@code ALLFRAME_LOG}, or {@code null}
     * @return the level it names (the one parser every module shares), {@code INFO} if it names none
     */
    static System.Logger.Level threshold(String setting) {
        try {
            return LogLevels.parse(setting);
        } catch (IllegalArgumentException e) {
            System.err.println("WARN " + e.getMessage() + "; logging at info");
            return System.Logger.Level.INFO;
        }
    }

    /** One line header plus the stack trace, if any. */
    static String format(String level, String logger, String message, Throwable thrown) {
        String id = Invocations.currentRequestId();
        StringBuilder sb = new StringBuilder(96 + (message == null ? 0 : message.length()));
        sb.append(level).append(" RequestId: ").append(id == null ? "-" : id).append(' ').append(logger)
                .append(" - ").append(message);
        if (thrown != null) {
            StringWriter sw = new StringWriter();
            thrown.printStackTrace(new PrintWriter(sw));
            sb.append(System.lineSeparator()).append(sw.toString().stripTrailing());
        }
        return sb.toString();
    }

    private record PrefixLogger(String name) implements System.Logger {
        @Override
        public String getName() {
            return name;
        }

        @Override
        public boolean isLoggable(Level level) {
            return level != Level.OFF && THRESHOLD != Level.OFF && level.getSeverity() >= THRESHOLD.getSeverity();
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
            if (isLoggable(level)) {
                emit(level, localize(bundle, msg), thrown);
            }
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String format, Object... params) {
            if (isLoggable(level)) {
                String pattern = localize(bundle, format);
                emit(level, params == null || params.length == 0 ? pattern : MessageFormat.format(pattern, params), null);
            }
        }

        @Override
        public void log(Level level, Supplier<String> msgSupplier, Throwable thrown) {
            if (isLoggable(level)) {
                emit(level, msgSupplier.get(), thrown);
            }
        }

        private void emit(Level level, String message, Throwable thrown) {
            PrintStream err = System.err;
            err.println(format(level.getName(), name, message, thrown));
        }

        private static String localize(ResourceBundle bundle, String key) {
            if (bundle == null || key == null) {
                return key;
            }
            try {
                return bundle.getString(key);
            } catch (RuntimeException e) {
                return key;
            }
        }
    }
}
