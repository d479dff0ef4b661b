package dev.allframe.http;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * An HTTP request as every door presents it to the application: the HTTP server, the Lambda HTTP door and tests
 * build the same value. Immutable; the {@code with...} methods return copies.
 *
 * @param method the request method
 * @param path the raw (still percent-encoded) path, starting with {@code /}, without the query
 * @param headers the header fields
 * @param query the decoded query parameters
 * @param body the body bytes, empty when there is none; callers must not modify the array
 * @param attributes values attached by the door and the router (path parameters, Lambda context, ...)
 */
public record Request(HttpMethod method, String path, Headers headers, QueryParams query, byte[] body,
                      Attributes attributes) {
    /** The path parameters the router matched, set before a route's handler runs. */
    public static final Attribute<PathParams> PATH_PARAMS = Attribute.of("allframe.pathParams", PathParams.class);

    private static final byte[] NO_BODY = new byte[0];

    public Request {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        if (path.isEmpty() || path.charAt(0) != '/') {
            throw new IllegalArgumentException("path (expected to start with '/'): '" + path + "'");
        }
        headers = headers == null ? Headers.empty() : headers;
        query = query == null ? QueryParams.empty() : query;
        body = body == null ? NO_BODY : body;
        attributes = attributes == null ? Attributes.empty() : attributes;
    }

    /**
     * Starts a request from a method and a request target such as {@code /orders/1?expand=items}.
     *
     * @param method the method
     * @param target the raw path with an optional raw query
     * @return a builder
     */
    public static Builder builder(HttpMethod method, String target) {
        return new Builder(method, target);
    }

    /**
     * @param target the raw path with an optional raw query
     * @return a GET request with no headers
     */
    public static Request get(String target) {
        return builder(HttpMethod.GET, target).build();
    }

    /**
     * @param name a header name, any case
     * @return its first value, if present
     */
    public Optional<String> header(String name) {
        return headers.first(name);
    }

    /**
     * @param name the name of a {@code {param}} of the matched route
     * @return the decoded value of that path segment
     * @throws IllegalArgumentException if the matched route has no such parameter
     */
    public String pathParam(String name) {
        return attributes.get(PATH_PARAMS).orElse(PathParams.EMPTY).get(name);
    }

    /**
     * @param key an attribute key
     * @param <T> the value's type
     * @return the attribute's value, if the door or router set it
     */
    public <T> Optional<T> attribute(Attribute<T> key) {
        return attributes.get(key);
    }

    /**
     * @param key an attribute key
     * @param value the value
     * @param <T> the value's type
     * @return a copy with the attribute set
     */
    public <T> Request withAttribute(Attribute<T> key, T value) {
        return new Request(method, path, headers, query, body, attributes.with(key, value));
    }

    /**
     * @param newHeaders the headers of the copy
     * @return a copy with other headers
     */
    public Request withHeaders(Headers newHeaders) {
        return new Request(method, path, newHeaders, query, body, attributes);
    }

    /** @return the body decoded as UTF-8 */
    public String bodyAsString() {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return method + " " + path + (query.isEmpty() ? "" : " " + query) + " (" + body.length + " body bytes)";
    }

    /** A mutable, not thread-safe builder of {@link Request}s, for doors and tests. */
    public static final class Builder {
        private final HttpMethod method;
        private final String path;
        private final QueryParams query;
        private final Headers.Builder headers = Headers.builder();
        private byte[] body = NO_BODY;
        private Attributes attributes = Attributes.empty();

        private Builder(HttpMethod method, String target) {
            this.method = Objects.requireNonNull(method, "method");
            Objects.requireNonNull(target, "target");
            int q = target.indexOf('?');
            this.path = q < 0 ? target : target.substring(0, q);
            this.query = q < 0 ? QueryParams.empty() : QueryParams.parse(target.substring(q + 1));
        }

        /**
         * @param name a header name
         * @param value a value, added after existing ones
         * @return this builder
         */
        public Builder header(String name, String value) {
            headers.add(name, value);
            return this;
        }

        /**
         * @param bytes the body; not copied
         * @return this builder
         */
        public Builder body(byte[] bytes) {
            this.body = bytes == null ? NO_BODY : bytes;
            return this;
        }

        /**
         * @param text the body, encoded as UTF-8
         * @return this builder
         */
        public Builder body(String text) {
            return body(text.getBytes(StandardCharsets.UTF_8));
        }

        /**
         * @param key an attribute key
         * @param value its value
         * @param <T> the value's type
         * @return this builder
         */
        public <T> Builder attribute(Attribute<T> key, T value) {
            attributes = attributes.with(key, value);
            return this;
        }

        /** @return the request */
        public Request build() {
            return new Request(method, path, headers.build(), query, body, attributes);
        }
    }
}
