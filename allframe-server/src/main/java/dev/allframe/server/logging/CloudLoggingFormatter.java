package dev.allframe.server.logging;

import dev.allframe.json.JsonStrings;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * Formats a log record as one line of JSON in the shape Cloud Logging's agent reads from a container's standard
 * output: {@code severity}, {@code message} (with the stack trace of a thrown exception appended, which Error
 * Reporting picks up), {@code time}, {@code logger}, {@code logging.googleapis.com/trace} and
 * {@code logging.googleapis.com/spanId} of the {@link TraceContext#current() current request}, and
 * {@code logging.googleapis.com/labels} (service, revision, configuration). Thread-safe.
 */
public final class CloudLoggingFormatter extends Formatter {
    private final String projectId;
    private final String labels;

    /**
     * @param projectId the Google Cloud project the traces belong to, or {@code null} when unknown (the trace field
     *     then holds the bare trace id, which Cloud Logging keeps but cannot link to Cloud Trace)
     * @param labels labels added to every entry, such as {@code service} and {@code revision}; may be empty
     */
    public CloudLoggingFormatter(String projectId, Map<String, String> labels) {
        this.projectId = projectId == null || projectId.isBlank() ? null : projectId;
        StringBuilder sb = new StringBuilder();
        new LinkedHashMap<>(Objects.requireNonNull(labels, "labels")).forEach((k, v) -> {
            sb.append(sb.isEmpty() ? "" : ",");
            string(sb, k);
            sb.append(':');
            string(sb, v);
        });
        this.labels = sb.isEmpty() ? null : "{" + sb + "}";
    }

    @Override
    public String format(LogRecord record) {
        StringBuilder sb = new StringBuilder(256).append("{\"severity\":");
        string(sb, severity(record.getLevel()));
        sb.append(",\"message\":");
        String message = formatMessage(record);
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            message = (message == null || message.isEmpty() ? "" : message + "\n") + trace.toString().stripTrailing();
        }
        string(sb, message == null ? "" : message);
        sb.append(",\"time\":");
        string(sb, (record.getInstant() == null ? Instant.now() : record.getInstant()).toString());
        if (record.getLoggerName() != null) {
            sb.append(",\"logger\":");
            string(sb, record.getLoggerName());
        }
        TraceContext trace = TraceContext.current().orElse(null);
        if (trace != null) {
            sb.append(",\"logging.googleapis.com/trace\":");
            string(sb, projectId == null ? trace.traceId() : "projects/" + projectId + "/traces/" + trace.traceId());
            if (trace.spanId() != null) {
                sb.append(",\"logging.googleapis.com/spanId\":");
                string(sb, trace.spanId());
            }
            sb.append(",\"logging.googleapis.com/trace_sampled\":").append(trace.sampled());
        }
        if (labels != null) {
            sb.append(",\"logging.googleapis.com/labels\":").append(labels);
        }
        return sb.append("}\n").toString();
    }

    /**
     * Maps a {@code java.util.logging} level to a Cloud Logging severity.
     *
     * @param level the level
     * @return {@code ERROR}, {@code WARNING}, {@code INFO}, {@code DEBUG} or {@code DEFAULT}
     */
    static String severity(Level level) {
        int v = level.intValue();
        if (v >= Level.SEVERE.intValue()) {
            return "ERROR";
        } else if (v >= Level.WARNING.intValue()) {
            return "WARNING";
        } else if (v >= Level.CONFIG.intValue()) {
            return "INFO";
        } else if (v > Level.ALL.intValue()) {
            return "DEBUG";
        }
        return "DEFAULT";
    }

    static void string(StringBuilder sb, String s) {
        JsonStrings.quote(sb, s);
    }
}
