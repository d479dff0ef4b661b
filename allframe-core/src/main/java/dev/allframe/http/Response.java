package dev.allframe.http;

import dev.allframe.json.JsonCodecs;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * An HTTP response, as the application returns it to every door. Immutable; callers must not modify the body.
 *
 * @param status the status code, 100..599
 * @param headers the header fields; doors add framing headers such as {@code content-length}
 * @param body the body bytes, empty for none
 */
public record Response(int status, Headers headers, byte[] body) {
    private static final byte[] NO_BODY = new byte[0];
    private static final String JSON = "application/json";
    private static final String TEXT = "text/plain; charset=utf-8";

    public Response {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("status (expected 100..599): " + status);
        }
        headers = headers == null ? Headers.empty() : headers;
        body = body == null ? NO_BODY : body;
    }

    /**
     * @param status the status
     * @return a response with that status, no headers and no body
     */
    public static Response status(int status) {
        return new Response(status, Headers.empty(), NO_BODY);
    }

    /** @return 204 No Content */
    public static Response noContent() {
        return status(Status.NO_CONTENT);
    }

    /**
     * @param text the body
     * @return 200 with a UTF-8 {@code text/plain} body
     */
    public static Response text(String text) {
        return text(Status.OK, text);
    }

    /**
     * @param status the status
     * @param text the body
     * @return a response with a UTF-8 {@code text/plain} body
     */
    public static Response text(int status, String text) {
        return new Response(status, Headers.of("content-type", TEXT), text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param value a value the default {@link dev.allframe.json.JsonCodec} can write
     * @return 200 with the value as JSON
     */
    public static Response json(Object value) {
        return json(Status.OK, value);
    }

    /**
     * @param status the status
     * @param value a value the default {@link dev.allframe.json.JsonCodec} can write
     * @return the value as {@code application/json}
     */
    public static Response json(int status, Object value) {
        return new Response(status, Headers.of("content-type", JSON), JsonCodecs.defaultCodec().write(value));
    }

    /**
     * @param problem the problem
     * @return the problem as {@code application/problem+json} with its status
     */
    public static Response problem(Problem problem) {
        return new Response(problem.status(), Headers.of("content-type", Problem.MEDIA_TYPE),
                JsonCodecs.defaultCodec().write(problem.toMap()));
    }

    /**
     * @param name a header name
     * @param value the value that replaces any existing values
     * @return a copy with the header set
     */
    public Response withHeader(String name, String value) {
        return new Response(status, headers.with(name, value), body);
    }

    /**
     * Sets {@code location} to a path built from a template and values, each value percent-encoded as a path segment
     * ({@link PercentCodec#expandPath}): {@code .withLocation("/orders/{id}", id)} gives {@code /orders/x%2Fy} for
     * the id {@code x/y}, which routes back to {@code /orders/{id}} with the id {@code x/y}. Concatenating
     * {@code "/orders/" + id} instead sends {@code /} and {@code ?} as structure, spaces and non-ASCII raw.
     *
     * @param template a path template in the router's syntax, for example {@code /orders/{id}}
     * @param values one value per parameter, in order
     * @return a copy with the {@code location} header set
     * @throws IllegalArgumentException if the values do not fit the template (see {@link PercentCodec#expandPath})
     */
    public Response withLocation(String template, Object... values) {
        return withHeader("location", PercentCodec.expandPath(template, values));
    }

    /**
     * @param newStatus the status of the copy
     * @return a copy with another status
     */
    public Response withStatus(int newStatus) {
        return new Response(newStatus, headers, body);
    }

    /** @return the body decoded as UTF-8 */
    public String bodyAsString() {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return status + " " + headers + " (" + body.length + " body bytes)";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Response r && r.status == status && r.headers.equals(headers)
                && java.util.Arrays.equals(r.body, body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, headers, java.util.Arrays.hashCode(body));
    }
}
