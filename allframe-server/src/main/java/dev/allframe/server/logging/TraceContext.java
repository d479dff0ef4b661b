package dev.allframe.server.logging;

import dev.allframe.http.Headers;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The trace a request belongs to, read from Google's {@code X-Cloud-Trace-Context} or the W3C {@code traceparent}
 * header, and kept for the thread that handles the request so log records can name it.
 *
 * <p>The server opens a {@link Scope} around each request it hands to the router; handlers run on one (virtual)
 * thread per request, so {@link #current()} inside a handler is that request's trace. Work a handler hands to other
 * threads does not inherit it.
 *
 * @param traceId the 32 lower-case hex digit trace id
 * @param spanId the 16 lower-case hex digit span id, or {@code null} when the header named none
 * @param sampled whether the caller sampled the trace
 */
public record TraceContext(String traceId, String spanId, boolean sampled) {
    /** Google's header: {@code TRACE_ID/SPAN_ID;o=OPTIONS}, the span id in decimal. */
    public static final String CLOUD_TRACE_HEADER = "x-cloud-trace-context";
    /** The W3C Trace Context header: {@code 00-TRACE_ID-SPAN_ID-FLAGS}. */
    public static final String TRACEPARENT_HEADER = "traceparent";

    private static final Pattern CLOUD = Pattern.compile("([0-9a-fA-F]{32})(?:/([0-9]{1,20}))?(?:;o=([0-9]+))?");
    private static final Pattern W3C = Pattern.compile("([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})");
    private static final ThreadLocal<TraceContext> CURRENT = new ThreadLocal<>();
    private static final Scope NO_SCOPE = () -> { };

    /**
     * @throws NullPointerException if {@code traceId} is null
     */
    public TraceContext {
        Objects.requireNonNull(traceId, "traceId");
    }

    /**
     * Reads the trace of a request: {@code X-Cloud-Trace-Context} when present and well formed, else
     * {@code traceparent}. Malformed headers are ignored (a log line without a trace beats a failed request).
     *
     * @param headers the request headers
     * @return the trace, or empty when neither header names one
     */
    public static Optional<TraceContext> fromHeaders(Headers headers) {
        String cloud = headers.firstOrNull(CLOUD_TRACE_HEADER);
        if (cloud != null) {
            Matcher m = CLOUD.matcher(cloud.trim());
            if (m.matches() && !isZero(m.group(1))) {
                String span = null;
                if (m.group(2) != null) {
                    try {
                        long id = Long.parseUnsignedLong(m.group(2));
                        span = id == 0 ? null : String.format("%016x", id);
                    } catch (NumberFormatException e) {
                        span = null; // beyond 2^64: drop the span, keep the trace
                    }
                }
                boolean sampled = m.group(3) != null && (Integer.parseInt(m.group(3)) & 1) == 1;
                return Optional.of(new TraceContext(m.group(1).toLowerCase(java.util.Locale.ROOT), span, sampled));
            }
        }
        String parent = headers.firstOrNull(TRACEPARENT_HEADER);
        if (parent != null) {
            Matcher m = W3C.matcher(parent.trim());
            if (m.matches() && !m.group(1).equals("ff") && !isZero(m.group(2)) && !isZero(m.group(3))) {
                boolean sampled = (Integer.parseInt(m.group(4), 16) & 1) == 1;
                return Optional.of(new TraceContext(m.group(2), m.group(3), sampled));
            }
        }
        return Optional.empty();
    }

    /** @return the trace of the request the calling thread is handling, if any */
    public static Optional<TraceContext> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /**
     * Makes a trace current on the calling thread until the scope closes.
     *
     * @param trace the trace, or {@code null} for none
     * @return the scope; close it in a {@code finally} or try-with-resources
     */
    public static Scope open(TraceContext trace) {
        TraceContext previous = CURRENT.get();
        if (trace == null && previous == null) {
            return NO_SCOPE; // most requests carry no trace: leave the thread's map alone
        }
        CURRENT.set(trace);
        return () -> {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        };
    }

    private static boolean isZero(String hex) {
        for (int i = 0; i < hex.length(); i++) {
            if (hex.charAt(i) != '0') {
                return false;
            }
        }
        return true;
    }

    /** The extent of a current trace; closing restores what was current before. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
