package dev.allframe.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An RFC 9457 problem detail, rendered as {@code application/problem+json}.
 *
 * @param type a URI that identifies the problem type; {@code "about:blank"} when the status says it all
 * @param title a short, human-readable summary of the problem type
 * @param status the HTTP status code
 * @param detail an explanation specific to this occurrence, or {@code null}; never a stack trace
 * @param extensions extra members (for example {@code errors} with field-level validation errors)
 */
public record Problem(String type, String title, int status, String detail, Map<String, Object> extensions) {
    /** The media type of problem details. */
    public static final String MEDIA_TYPE = "application/problem+json";

    public Problem {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(title, "title");
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("status (expected 400..599): " + status);
        }
        extensions = extensions == null ? Map.of() : Map.copyOf(extensions);
    }

    /**
     * @param status an error status
     * @param detail the occurrence's explanation, or {@code null}
     * @return a problem of type {@code about:blank} titled with the status's reason phrase
     */
    public static Problem of(int status, String detail) {
        return new Problem("about:blank", Status.reason(status), status, detail, Map.of());
    }

    /**
     * @param name an extension member's name
     * @param value its value (a JSON-serialisable value: string, number, boolean, list or map)
     * @return a copy with the member added
     */
    public Problem with(String name, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(extensions);
        copy.put(name, value);
        return new Problem(type, title, status, detail, copy);
    }

    /** @return the members in RFC 9457 order, then the extensions */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("type", type);
        map.put("title", title);
        map.put("status", status);
        if (detail != null) {
            map.put("detail", detail);
        }
        extensions.forEach(map::putIfAbsent);
        return map;
    }
}
